package io.envforge.spec;

import java.util.Map;
import java.util.Objects;

/**
 * A validated environment spec ({@code environments/<name>.yaml}).
 *
 * @param file the path shown to users, relative to the workspace
 * @param name {@code metadata.name}, equal to the file's base name
 * @param document the parsed document (apiVersion, kind, metadata, spec)
 * @param content the file's bytes, committed as they are
 */
public record EnvironmentSpec(String file, String name, Map<String, Object> document, byte[] content) {

    public EnvironmentSpec {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        document = Map.copyOf(document);
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> spec() {
        return (Map<String, Object>) document.get("spec");
    }

    /** The spec's {@code spec.network.cidr} as written. */
    @SuppressWarnings("unchecked")
    public String cidr() {
        return (String) ((Map<String, Object>) spec().get("network")).get("cidr");
    }
}
