package io.envforge.render;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * {@link Yaml#dump}'s text for the documents generated files are made of, written directly: SnakeYAML's dumper (engine
 * 2.9: {@code Representer}, {@code Serializer}, {@code Emitter}) took 1.8 s of CPU for the 15 MB of YAML that 1,000
 * environments dump, about 8 MB/s under C1 (docs/benchmark.md). It handles a subset and gives up ({@code null}) on
 * anything else, which {@link Yaml#dump} then hands to SnakeYAML; within the subset its text is SnakeYAML's, byte for
 * byte ({@code BlockEmitterTest} compares the two on random documents and on every golden file's documents):
 *
 * <ul>
 *   <li>a top-level map; maps and lists nested in it, each object at most once (SnakeYAML would write an anchor for a
 *       repeat); no list directly in a list (SnakeYAML writes {@code -   - x});
 *   <li>keys: non-empty strings shorter than 123 characters (others are written as {@code ? key});
 *   <li>values: {@code null}, {@link Boolean}, {@link Integer}, {@link Long}, and strings;
 *   <li>a string the representer asks to be plain ({@link Yaml}'s rules) is written plain only where the
 *       {@code Emitter}'s {@code analyzeScalar} and {@code chooseScalarStyle} allow it: printable ASCII, no leading or
 *       trailing space, no leading indicator, no {@code ": "}, {@code " #"} or final {@code ':'}, not starting with
 *       {@code ---} or {@code ...}, and resolved as a string by the dumper's {@link ScalarResolver}; else, when it is
 *       printable ASCII (the empty string too), between single quotes, each {@code '} doubled, as the emitter's next
 *       choice writes it;
 *   <li>a string the representer asks to be double-quoted (a YAML 1.1 special) is written between double quotes when
 *       it is made of letters, digits and {@code ._+-:~<=} only, which need no escape;
 *   <li>a string with line breaks (literal style) is written as a literal block when its first character is not a
 *       space or a break (an indentation indicator), no line ends with a space, and it holds only printable ASCII; the
 *       chomping indicator is {@code Emitter.determineBlockHints}': {@code -} without a final newline, {@code +} with
 *       more than one (not as the document's last value, see {@link #openEnded}).
 * </ul>
 */
final class BlockEmitter {

    /**
     * SnakeYAML's {@code Emitter.checkSimpleKey}: a key is simple when its length plus that of its prepared tag
     * ({@code !!str}, five characters, which it counts although an implicit tag is not written) is under 128; a longer
     * one is written as a complex key ({@code ? key}).
     */
    private static final int MAX_SIMPLE_KEY = 128 - "!!str".length();

    /**
     * The deepest nesting written here (generated documents stay under 20), as columns: each level indents by two.
     * SnakeYAML's representer and serializer recurse per level too and overflow their stack first (from about 1,000
     * levels on a 1 MB stack), so a deeper document is left to SnakeYAML, to fail or succeed as it does.
     */
    private static final int MAX_COLUMN = 2 * 200;

    private final StringBuilder out = new StringBuilder(256);
    private final Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final ScalarResolver resolver;
    private final Predicate<String> quoted;
    /**
     * Whether the text so far ends with a literal block kept with {@code +}: at the end of a document the emitter then
     * writes a {@code ...} line (its {@code openEnded}), which is left to SnakeYAML.
     */
    private boolean openEnded;

    private BlockEmitter(ScalarResolver resolver, Predicate<String> quoted) {
        this.resolver = resolver;
        this.quoted = quoted;
    }

    /**
     * {@code document}'s text as SnakeYAML writes it with {@link Yaml}'s settings, or null when it is outside the
     * subset. {@code quoted}: the strings the representer double-quotes.
     */
    static String dump(Object document, ScalarResolver resolver, Predicate<String> quoted) {
        if (!(document instanceof Map<?, ?> map)) {
            return null;
        }
        if (map.isEmpty()) {
            return "{}\n";
        }
        BlockEmitter e = new BlockEmitter(resolver, quoted);
        return e.map(map, 0, false) && !e.openEnded ? e.out.toString() : null;
    }

    /** The entries of {@code map}, keys at column {@code col}; the first one after a list's dash when inline. */
    private boolean map(Map<?, ?> map, int col, boolean inline) {
        if (col > MAX_COLUMN || !seen.add(map)) {
            return false;
        }
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)
                    || key.isEmpty()
                    || key.length() >= MAX_SIMPLE_KEY
                    || key.indexOf('\n') >= 0) {
                return false;
            }
            if (!(first && inline)) {
                indent(col);
            }
            first = false;
            openEnded = false;
            if (!scalar(key)) {
                return false;
            }
            out.append(':');
            Object value = e.getValue();
            if (value instanceof Map<?, ?> m && !m.isEmpty()) {
                out.append('\n');
                if (!map(m, col + 2, false)) {
                    return false;
                }
            } else if (value instanceof List<?> l && !l.isEmpty()) {
                out.append('\n');
                if (!list(l, col + 2)) {
                    return false;
                }
            } else {
                out.append(' ');
                if (!leaf(value, col)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The items of {@code list}, dashes at column {@code col}. */
    private boolean list(List<?> list, int col) {
        if (col > MAX_COLUMN || !seen.add(list)) {
            return false;
        }
        for (Object item : list) {
            indent(col);
            out.append("- ");
            if (item instanceof Map<?, ?> m && !m.isEmpty()) {
                if (!map(m, col + 2, true)) {
                    return false;
                }
            } else if (item instanceof List<?> l && !l.isEmpty()) {
                return false;
            } else if (!leaf(item, col)) {
                return false;
            }
        }
        return true;
    }

    /** A value that is not a non-empty collection, then its line end; a literal block's lines at {@code col + 2}. */
    private boolean leaf(Object value, int col) {
        openEnded = false;
        if (value == null) {
            out.append("null\n");
        } else if (value instanceof Map<?, ?> m) {
            if (!seen.add(m)) {
                return false;
            }
            out.append("{}\n");
        } else if (value instanceof List<?> l) {
            if (!seen.add(l)) {
                return false;
            }
            out.append("[]\n");
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value).append('\n');
        } else if (value instanceof String s) {
            if (s.indexOf('\n') >= 0) {
                return literal(s, col + 2);
            }
            if (!scalar(s)) {
                return false;
            }
            out.append('\n');
        } else {
            return false;
        }
        return true;
    }

    /**
     * A string without line breaks, plain, single- or double-quoted as the representer and the emitter would have it.
     */
    private boolean scalar(String s) {
        if (quoted.test(s)) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (!(c >= 'a' && c <= 'z'
                        || c >= 'A' && c <= 'Z'
                        || c >= '0' && c <= '9'
                        || "._+-:~<=".indexOf(c) >= 0)) {
                    return false;
                }
            }
            out.append('"').append(s).append('"');
            return true;
        }
        if (plain(s) && resolver.resolve(s, true) == Tag.STR) {
            out.append(s);
            return true;
        }
        // the emitter's next choice: single quotes, which any printable text without a line break allows
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        out.append('\'').append(s.replace("'", "''")).append('\'');
        return true;
    }

    /**
     * Whether the emitter writes {@code s} (no line break, asked to be plain) plain in block context:
     * {@code Emitter.analyzeScalar}'s {@code allowBlockPlain} for printable ASCII (a tab, which it also allows, is left
     * to SnakeYAML).
     */
    static boolean plain(String s) {
        int n = s.length();
        if (n == 0 || s.startsWith("---") || s.startsWith("...")) {
            return false;
        }
        char c0 = s.charAt(0);
        if ("#,[]{}&*!|>'\"%@`".indexOf(c0) >= 0 || "?:-".indexOf(c0) >= 0 && (n == 1 || s.charAt(1) == ' ')) {
            return false;
        }
        if (c0 == ' ' || s.charAt(n - 1) == ' ') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
            if (c == ':' && (i + 1 == n || s.charAt(i + 1) == ' ')) {
                return false;
            }
            if (c == '#' && s.charAt(i - 1) == ' ') { // i > 0: a leading '#' was refused above
                return false;
            }
        }
        return true;
    }

    /** {@code s} (holding a line break) as a literal block, its lines at column {@code col}. */
    private boolean literal(String s, int col) {
        int n = s.length();
        char c0 = s.charAt(0);
        if (c0 == ' ' || c0 == '\n') {
            return false; // an indentation indicator
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                if (i > 0 && s.charAt(i - 1) == ' ') {
                    return false; // a space before a break: only double quotes can hold it
                }
            } else if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        if (s.charAt(n - 1) == ' ') {
            return false;
        }
        out.append('|');
        if (s.charAt(n - 1) != '\n') {
            out.append('-');
        } else if (n == 1 || s.charAt(n - 2) == '\n') {
            out.append('+');
            openEnded = true;
        }
        out.append('\n');
        int end = s.charAt(n - 1) == '\n' ? n - 1 : n; // the final break ends the last line
        for (int line = 0; line <= end; ) {
            int br = s.indexOf('\n', line);
            if (br < 0 || br > end) {
                br = end;
            }
            if (br > line) {
                indent(col);
                out.append(s, line, br);
            }
            out.append('\n');
            line = br + 1;
        }
        return true;
    }

    private void indent(int col) {
        for (int i = 0; i < col; i++) {
            out.append(' ');
        }
    }
}
