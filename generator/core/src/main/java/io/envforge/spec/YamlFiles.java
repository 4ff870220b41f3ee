package io.envforge.spec;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads user YAML (YAML 1.2, snakeyaml-engine) defensively: a size limit, no duplicate keys, no alias expansion
 * (so no alias bomb), and errors that name {@code file:line:column}.
 */
public final class YamlFiles {

    /** Spec files larger than this are refused before parsing. */
    public static final int MAX_BYTES = 1024 * 1024;
    /** Deepest nesting of mappings and sequences accepted. */
    static final int MAX_DEPTH = 50;

    private YamlFiles() {}

    /** Parses one YAML document that must be a mapping. {@code file} is the name shown in errors. */
    public static Map<String, Object> parseMapping(String file, byte[] content) {
        if (content.length > MAX_BYTES) {
            throw new EnvforgeException(new Problem(
                    file,
                    "",
                    null,
                    "file is " + content.length + " bytes, larger than the limit of " + MAX_BYTES + " bytes (1 MiB)",
                    "a spec holds only what differs from the platform defaults; remove the rest"));
        }
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(0)
                .setCodePointLimit(MAX_BYTES)
                .setUseMarks(true)
                .build();
        Object doc;
        try {
            String text = new String(content, java.nio.charset.StandardCharsets.UTF_8);
            checkDepth(file, settings, text);
            doc = new Load(settings).loadFromString(text);
        } catch (MarkedYamlEngineException e) {
            throw new EnvforgeException(syntaxProblem(file, e), e);
        } catch (YamlEngineException e) {
            throw new EnvforgeException(
                    new Problem(
                            file,
                            "",
                            null,
                            "cannot read YAML: " + firstLine(e.getMessage()),
                            aliasHint(e.getMessage())),
                    e);
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw new EnvforgeException(new Problem(
                    file,
                    "",
                    null,
                    "the document must be a mapping with apiVersion," + " kind, metadata and spec",
                    "start from environments/dev1.yaml or run mvn generate -Denv=NAME"
                            + " -Dsubnet=CIDR to create one"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) map;
        checkValues(file, "", typed);
        return typed;
    }

    /**
     * Refuses nesting deeper than {@link #MAX_DEPTH} before the document is built: building and validating it recurse
     * once per level, and 10,000 levels overflowed the stack. The parser itself keeps its own stack, so it is safe to
     * run first. (SnakeYAML 1.x refuses at 50 levels by default, its {@code nestingDepthLimit}.)
     */
    private static void checkDepth(String file, LoadSettings settings, String text) {
        int depth = 0;
        for (Event event : new Parse(settings).parseString(text)) {
            if (event instanceof CollectionStartEvent) {
                depth++;
                if (depth > MAX_DEPTH) {
                    Mark mark = event.getStartMark().orElse(null);
                    String where =
                            mark == null ? file : file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
                    throw new EnvforgeException(new Problem(
                            where,
                            "",
                            null,
                            "nesting deeper than " + MAX_DEPTH + " levels",
                            "no envforge field is nested more than a few levels; see docs/spec.md"));
                }
            } else if (event instanceof CollectionEndEvent) {
                depth--;
            }
        }
    }

    /**
     * Refuses values no envforge field takes but YAML can express: {@code .inf} and {@code .nan} (every number in a
     * spec is a finite count or size) and {@code !!binary} (bytes, which a text field would show as Base64).
     */
    private static void checkValues(String file, String path, Object value) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> checkValues(file, path.isEmpty() ? String.valueOf(k) : path + "." + k, v));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                checkValues(file, path + "[" + i + "]", list.get(i));
            }
        } else if (value instanceof Double d && !Double.isFinite(d)) {
            throw new EnvforgeException(new Problem(
                    file,
                    path,
                    d.isNaN() ? ".nan" : d > 0 ? ".inf" : "-.inf",
                    "is not a finite number",
                    "write a whole number; see docs/spec.md for the field's range"));
        } else if (value instanceof byte[]) {
            throw new EnvforgeException(
                    new Problem(file, path, null, "!!binary values are not allowed", "write the value as plain text"));
        }
    }

    private static Problem syntaxProblem(String file, MarkedYamlEngineException e) {
        Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
        String where = mark == null ? file : file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
        String problem = e.getProblem() == null ? firstLine(e.getMessage()) : e.getProblem();
        String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
        return new Problem(where, "", null, "YAML syntax error: " + problem + context, aliasHint(problem));
    }

    private static String aliasHint(String message) {
        if (message != null && message.contains("aliases")) {
            return "YAML anchors and aliases (&x, *x) are not allowed in spec files; write the values out";
        }
        return "fix the YAML at that position (indentation, a missing ':' or an unclosed quote)";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
