package io.envforge.spec;

import java.util.Map;
import java.util.Objects;

/**
 * The validated platform file ({@code environments/platform.yaml}): on-prem networks, pools, Git, defaults.
 *
 * @param file the path shown to users
 * @param document the parsed document
 * @param content the file's bytes (an input of every environment, for change detection)
 */
public record PlatformSpec(String file, Map<String, Object> document, byte[] content) {

    public PlatformSpec {
        Objects.requireNonNull(file, "file");
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
}
