package io.envforge.spec;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.network.Cidr;
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

    /**
     * The parsed {@code spec.network.cidr}; a malformed one is this file's problem, said with its path and a fix.
     * (Overlaps and the other address rules are the model's to check.)
     */
    public Cidr block() {
        try {
            return Cidr.parse(cidr());
        } catch (IllegalArgumentException e) {
            throw new EnvforgeException(new Problem(
                    file,
                    "spec.network.cidr",
                    cidr(),
                    e.getMessage(),
                    "fix that environment's block, for example 10.20.0.0/20"));
        }
    }

    /** The spec's {@code spec.network.cidr} as written. */
    @SuppressWarnings("unchecked")
    public String cidr() {
        return (String) ((Map<String, Object>) spec().get("network")).get("cidr");
    }
}
