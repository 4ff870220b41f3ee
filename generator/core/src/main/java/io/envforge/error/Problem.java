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
            out.append(" \"").append(shown(value)).append('"');
        }
        out.append(": ").append(message);
        if (!fix.isEmpty()) {
            out.append("; ").append(fix);
        }
        return out.toString();
    }

    /** Longest value shown; a longer one is cut and its length given. */
    public static final int MAX_SHOWN = 200;

    /**
     * {@code value} as one line: line breaks and tabs written as the escapes backslash-n, -r, -t, other control
     * characters as backslash-u and four hex digits, so one problem stays one line; cut after {@value #MAX_SHOWN}
     * characters.
     */
    static String shown(String value) {
        StringBuilder out = new StringBuilder();
        int end = Math.min(value.length(), MAX_SHOWN);
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (value.length() > MAX_SHOWN) {
            out.append("... (").append(value.length()).append(" characters)");
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
