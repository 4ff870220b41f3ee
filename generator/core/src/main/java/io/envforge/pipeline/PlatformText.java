package io.envforge.pipeline;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Line edits of {@code environments/platform.yaml} that keep its comments: the block of a key is found by
 * indentation (the file is block-style YAML, two spaces per level, as the repository's own).
 */
final class PlatformText {

    private PlatformText() {}

    /** Sets {@code spec.defaults.layers.<layer>.image.digest}: replaces the line, or adds it after {@code tag:}. */
    static String setDigest(String text, String file, String layer, String digest) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int from = 0;
        int end = lines.size();
        int indent;
        for (String key : List.of("spec", "defaults", "layers", layer, "image")) {
            int found = -1;
            int level = -1;
            for (int i = from; i < end; i++) {
                int ind = indentOf(lines.get(i));
                if (ind < 0) {
                    continue;
                }
                level = level < 0 ? ind : level;
                if (ind == level && lines.get(i).substring(ind).startsWith(key + ":")) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                throw new EnvforgeException(new Problem(
                        file,
                        "spec.defaults.layers." + layer + ".image",
                        "(none)",
                        "no block-style " + key + ": found on the way",
                        "write spec.defaults.layers." + layer + ".image as an indented block"));
            }
            indent = indentOf(lines.get(found));
            from = found + 1;
            end = blockEnd(lines, found, indent);
        }
        int child = -1;
        int tag = -1;
        for (int i = from; i < end; i++) {
            int ind = indentOf(lines.get(i));
            if (ind < 0) {
                continue;
            }
            child = child < 0 ? ind : child;
            if (ind != child) {
                continue;
            }
            String body = lines.get(i).substring(ind);
            if (body.startsWith("digest:")) {
                lines.set(i, " ".repeat(ind) + "digest: " + digest);
                return String.join("\n", lines);
            }
            if (body.startsWith("tag:")) {
                tag = i;
            }
        }
        if (tag < 0) {
            throw new EnvforgeException(new Problem(
                    file,
                    "spec.defaults.layers." + layer + ".image.tag",
                    "(none)",
                    "no tag to pin",
                    "add tag: 4.3.0 under image"));
        }
        lines.add(tag + 1, " ".repeat(child) + "digest: " + digest);
        return String.join("\n", lines);
    }

    /** First line after {@code start} indented at most {@code indent} (comments and blank lines do not end it). */
    private static int blockEnd(List<String> lines, int start, int indent) {
        for (int i = start + 1; i < lines.size(); i++) {
            int ind = indentOf(lines.get(i));
            if (ind >= 0 && ind <= indent) {
                return i;
            }
        }
        return lines.size();
    }

    /** Indentation of a content line; -1 for blank lines and comments. */
    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i == line.length() || line.charAt(i) == '#' ? -1 : i;
    }
}
