package io.envforge.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;

/**
 * Deterministic YAML for generated files: block style, two-space indent, keys in the order the maps give them, and
 * strings that a YAML 1.1 reader (kubectl, Helm, Go) would take for a boolean, null or number double-quoted.
 */
public final class Yaml {

    /**
     * The plain scalars that a reader would not take for a string: YAML 1.1's bool, null, int, float and timestamp
     * (yaml.org/type; SnakeYAML's {@code Resolver}, go-yaml v2's {@code resolve.go}, which Helm and kubectl read with,
     * PyYAML, which Ansible reads with), YAML 1.2's {@code 0o} octal and the merge key {@code <<}; and, as a margin,
     * signed {@code inf}/{@code nan} and hex floats, which Go's {@code strconv.ParseFloat} reads. Case-insensitive:
     * quoting too much is harmless, too little turns a string into a number or a date ({@code YamlTest} checks it
     * against a YAML 1.1 reader).
     */
    private static final Pattern YAML11_SPECIAL = Pattern.compile("(?i)y|yes|n|no|on|off|true|false|null|~|<<|=|"
            + "[-+]?\\.(inf|nan)|[-+](inf|infinity|nan)|"
            + "[-+]?[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?|[-+]?\\.[0-9_]+([eE][-+]?[0-9]+)?|"
            + "[-+]?0x[0-9a-f_]*(\\.[0-9a-f_]*)?(p[-+]?[0-9]+)?|[-+]?0b[01_]+|[-+]?0o?[0-7_]+|"
            + "[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?|"
            + "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
            + "(([t]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\\.[0-9]*)?([ \\t]*(z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?");

    private static final DumpSettings SETTINGS = DumpSettings.builder()
            .setDefaultFlowStyle(FlowStyle.BLOCK)
            .setIndent(2)
            .setIndicatorIndent(2)
            .setIndentWithIndicator(true)
            .setWidth(4096)
            .setSplitLines(false)
            .build();

    /** Immutable; a {@code Load} per call (it is not thread-safe), the settings shared. */
    private static final LoadSettings LOAD =
            LoadSettings.builder().setDefaultMap(LinkedHashMap::new).build();

    private Yaml() {}

    /**
     * One document: written by {@link BlockEmitter} when it is within that class's subset (nearly every generated
     * document), else by SnakeYAML; the text is the same either way.
     */
    public static String dump(Object document) {
        String fast = BlockEmitter.dump(document, SETTINGS.getSchema().getScalarResolver(), Yaml::quoted);
        return fast != null ? fast : snakeDump(document);
    }

    /** {@link #dump} by SnakeYAML alone: what {@link BlockEmitter}'s text is compared with. */
    static String snakeDump(Object document) {
        return new Dump(SETTINGS, new Representer()).dumpToString(document);
    }

    /** Whether the representer double-quotes {@code s}: a string a YAML 1.1 reader would take for something else. */
    static boolean quoted(String s) {
        if (s.isEmpty()) {
            return false;
        }
        // every alternative that begins with a letter is one of y, yes, n, no, on, off, true, false, null: a longer
        // string or another first letter cannot match, and most strings are names (the pattern is what costs)
        char c = s.charAt(0);
        if ((c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') && (s.length() > 5 || "ynotfYNOTF".indexOf(c) < 0)) {
            return false;
        }
        return quotedByPattern(s);
    }

    /** {@link #quoted} without its shortcut. */
    static boolean quotedByPattern(String s) {
        return YAML11_SPECIAL.matcher(s).matches();
    }

    /** Several documents separated by {@code ---}. */
    public static String dumpAll(List<?> documents) {
        StringBuilder out = new StringBuilder();
        for (Object doc : documents) {
            out.append("---\n").append(dump(doc));
        }
        return out.toString();
    }

    /**
     * Parses generated or Helm-rendered YAML (many documents); empty documents are dropped. A block-style document is
     * read by {@link BlockParser} (nearly every generated or rendered one), anything else by SnakeYAML; the result is
     * the same either way.
     */
    public static List<Map<String, Object>> loadAll(String text) {
        List<Map<String, Object>> fast = BlockParser.load(text, LOAD.getSchema().getScalarResolver());
        return fast != null ? new ArrayList<>(fast) : snakeLoadAll(text);
    }

    /** {@link #loadAll} by SnakeYAML alone: what {@link BlockParser}'s result is compared with. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> snakeLoadAll(String text) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Load(LOAD).loadAllFromString(text)) {
            if (doc instanceof Map<?, ?> map) {
                docs.add((Map<String, Object>) map);
            }
        }
        return docs;
    }

    /** A map in the order of its arguments: key, value, key, value. Null values are left out. */
    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                out.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return out;
    }

    private static final class Representer extends StandardRepresenter {

        Representer() {
            super(SETTINGS);
            this.representers.put(String.class, data -> {
                String s = (String) data;
                ScalarStyle style = quoted(s)
                        ? ScalarStyle.DOUBLE_QUOTED
                        : s.contains("\n") ? ScalarStyle.LITERAL : ScalarStyle.PLAIN;
                return representScalar(Tag.STR, s, style);
            });
        }
    }
}
