package io.envforge.error;

import java.util.Objects;

/**
 * One thing wrong with the user's input, said so that it can be fixed without reading code: the file, the YAML or
 * option path, the bad value, what is wrong and how to fix it.
 *
 * <p>Printed as {@code environments/dev1.yaml: spec.network.cidr "10.20.0.0/33": prefix must be 0..32; for example
 * 10.20.0.0/20}.
 */
public record Problem(String file, String path, String value, String message, String fix) {

    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        path = path == null ? "" : path;
        fix = fix == null ? "" : fix;
    }

    /** The one-line form shown to users. */
    public String render() {
        StringBuilder out = new StringBuilder(file);
        if (!path.isEmpty()) {
            out.append(": ").append(path);
        }
        if (value != null) {
            out.append(" \"").append(value).append('"');
        }
        out.append(": ").append(message);
        if (!fix.isEmpty()) {
            out.append("; ").append(fix);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
