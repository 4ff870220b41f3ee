package io.envforge.spec;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads user YAML (YAML 1.2, snakeyaml-engine) defensively: a size limit, no duplicate keys, no alias expansion
 * (so no alias bomb), and errors that name {@code file:line:column}.
 */
public final class YamlFiles {

    /** Spec files larger than this are refused before parsing. */
    public static final int MAX_BYTES = 1024 * 1024;

    private YamlFiles() {
    }

    /** Parses one YAML document that must be a mapping. {@code file} is the name shown in errors. */
    public static Map<String, Object> parseMapping(String file, byte[] content) {
        if (content.length > MAX_BYTES) {
            throw new EnvforgeException(new Problem(file, "", null,
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
            doc = new Load(settings).loadFromString(new String(content, java.nio.charset.StandardCharsets.UTF_8));
        } catch (MarkedYamlEngineException e) {
            throw new EnvforgeException(syntaxProblem(file, e), e);
        } catch (YamlEngineException e) {
            throw new EnvforgeException(new Problem(file, "", null, "cannot read YAML: " + firstLine(e.getMessage()),
                    aliasHint(e.getMessage())), e);
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw new EnvforgeException(new Problem(file, "", null, "the document must be a mapping with apiVersion,"
                    + " kind, metadata and spec", "start from environments/dev1.yaml or run mvn generate -Denv=NAME"
                    + " -Dsubnet=CIDR to create one"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) map;
        return typed;
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
