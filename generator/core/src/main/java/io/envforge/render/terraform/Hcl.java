package io.envforge.render.terraform;

import java.util.Collection;
import java.util.stream.Collectors;

/** HCL literals for templates: quoted, escaped strings and one-line lists, so templates never quote by hand. */
final class Hcl {

    private Hcl() {}

    /** A quoted HCL string; {@code null} becomes the literal {@code null}. Template sequences are escaped. */
    static String str(String value) {
        if (value == null) {
            return "null";
        }
        String escaped = value.replace("\\", "\\\\")
                .replace("\"", "\\\"")
                .replace("\n", "\\n")
                .replace("${", "$${")
                .replace("%{", "%%{");
        return "\"" + escaped + "\"";
    }

    /** A one-line list of quoted strings, in the given order. */
    static String strings(Collection<String> values) {
        return values.stream().map(Hcl::str).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A one-line list of numbers, in the given order. */
    static String numbers(Collection<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }
}
