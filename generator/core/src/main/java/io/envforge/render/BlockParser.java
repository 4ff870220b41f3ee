package io.envforge.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * {@link Yaml#loadAll}'s result for one block-style document, read directly: SnakeYAML's loader (engine 2.9, JSON
 * schema) read the 60 MB of manifests Helm renders for 1,000 environments at about 14 MB/s under C1, a fifth of the
 * run's Java CPU (docs/benchmark.md). It reads a subset and gives up ({@code null}) on anything else, which
 * {@link Yaml#loadAll} then hands to SnakeYAML; within the subset its result is SnakeYAML's, equal as Java objects
 * ({@code BlockParserTest} compares the two on every golden file, on the documents {@link BlockEmitterTest}'s
 * generator makes, and on crafted edge cases):
 *
 * <ul>
 *   <li>text of printable characters, line feeds and spaces (no tab, carriage return, other line break such as
 *       U+0085, U+2028 or U+2029, byte order mark or character outside the Basic Multilingual Plane), no {@code ---}, {@code ...} or {@code %} line: one
 *       document or none;
 *   <li>block mappings and sequences by indentation (a sequence may sit at its key's indentation); keys that are plain
 *       or quoted strings on one line, each once; {@code []} and {@code {}} as the only flow collections;
 *   <li>scalars on one line: plain (cut at {@code " #"}), single-quoted, double-quoted with the escapes
 *       {@code \" \\ \/ \n \t \r \0}; literal blocks ({@code |}, {@code |-}, {@code |+}) without an indentation
 *       indicator; comment lines;
 *   <li>plain scalars resolved by the loader's own {@link ScalarResolver} (the JSON schema): strings, {@code null},
 *       booleans and integers (an {@link Integer} when it fits, else a {@link Long}, as SnakeYAML's
 *       {@code ConstructYamlJsonInt}); a float, an environment reference or a longer integer is left to SnakeYAML.
 * </ul>
 *
 * Anchors, aliases, tags, folded blocks, multi-line plain or quoted scalars, complex keys and anything it does not
 * recognise make it give up.
 */
final class BlockParser {

    /** Thrown to give up: the document is left to SnakeYAML. */
    private static final class GiveUp extends RuntimeException {
        GiveUp() {
            super(null, null, false, false);
        }
    }

    private static final GiveUp GIVE_UP = new GiveUp();

    /**
     * SnakeYAML's {@code LoadSettings} code point limit (3 MB by default, which {@link Yaml}'s settings keep): its
     * {@code ScannerImpl.fetchMoreTokens} refuses a document that goes past it, so a longer text is left to it.
     */
    private static final int CODE_POINT_LIMIT =
            org.snakeyaml.engine.v2.api.LoadSettings.builder().build().getCodePointLimit();

    /**
     * SnakeYAML's {@code ScannerImpl.stalePossibleSimpleKeys}: a key whose colon is more than 1,024 code points after
     * its start is no simple key, and the entry an error.
     */
    private static final int MAX_SIMPLE_KEY = 1024;

    /**
     * The deepest nesting read here (generated documents stay under 20): this class recurses per level, so a deeper
     * document could overflow its stack where SnakeYAML, which has no nesting limit in 2.9, reads it.
     */
    private static final int MAX_DEPTH = 200;

    private final ScalarResolver resolver;
    /**
     * The text's lines, without their line feeds; a sequence item's line is rewritten with its {@code "- "} read as
     * indentation when the item is a mapping ({@link #sequence}).
     */
    private final String[] texts;
    /** Whether the text ends with a line feed (then its last line is empty). */
    private final boolean finalNewline;
    /** The current line. */
    private int line;
    /** The mappings and sequences being read. */
    private int depth;

    private BlockParser(ScalarResolver resolver, String[] texts, boolean finalNewline) {
        this.resolver = resolver;
        this.texts = texts;
        this.finalNewline = finalNewline;
    }

    /** A scalar's text and the index just after it on its line (a quoted one's closing quote, a key's colon). */
    private record Scalar(String text, int end) {}

    /**
     * {@code text}'s documents as {@link Yaml#loadAll} returns them (an empty list for a text of comments and blank
     * lines), or null when it is outside the subset.
     */
    static List<Map<String, Object>> load(String text, ScalarResolver resolver) {
        // one pass over a copy of the characters: charAt on a text that is not Latin-1 (Helm's output with a "—" in a
        // comment) was a third of this class's time under C1; each line becomes its own string, Latin-1 when it can
        if (text.length() > CODE_POINT_LIMIT) {
            return null;
        }
        char[] chars = text.toCharArray();
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= chars.length; i++) {
            char c = i < chars.length ? chars[i] : '\n';
            if (c == '\n') {
                String l = new String(chars, start, i - start);
                if (l.startsWith("---") || l.startsWith("...") || l.startsWith("%")) {
                    return null; // a directive or a document marker: left to SnakeYAML
                }
                lines.add(l);
                start = i + 1;
            } else if (c < 0x20
                    || c > 0x7E
                            && (c < 0xA0
                                    || c == 0x2028
                                    || c == 0x2029
                                    || c >= 0xD800 && c < 0xE000
                                    || c > 0xFFFD
                                    || c == 0xFEFF)) {
                return null;
            }
        }
        BlockParser p = new BlockParser(resolver, lines.toArray(String[]::new), text.endsWith("\n"));
        try {
            return p.document();
        } catch (GiveUp e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> document() {
        if (!skipToContent()) {
            return List.of();
        }
        int indent = indent(current());
        if (indent != 0) {
            throw GIVE_UP; // SnakeYAML reads a more indented root as well, but nothing generated starts so
        }
        Object root = block(indent);
        if (skipToContent()) {
            throw GIVE_UP; // something left at a lesser indentation
        }
        if (!(root instanceof Map<?, ?>)) {
            throw GIVE_UP; // Yaml.loadAll keeps maps only; a scalar root is left to SnakeYAML
        }
        return List.of((Map<String, Object>) root);
    }

    /** A mapping or a sequence whose first line is the current one, at {@code indent}. */
    private Object block(int indent) {
        String l = current();
        return isItem(l, indent) ? sequence(indent) : mapping(indent);
    }

    private Map<String, Object> mapping(int indent) {
        enter();
        Map<String, Object> map = new LinkedHashMap<>();
        while (skipToContent()) {
            String l = current();
            int at = indent(l);
            if (at < indent) {
                break;
            }
            if (at > indent || isItem(l, indent)) {
                throw GIVE_UP;
            }
            Scalar key = key(l, at);
            if (map.containsKey(key.text())) {
                throw GIVE_UP; // SnakeYAML refuses a duplicate key: let it say so
            }
            map.put(key.text(), value(l, key.end() + 1, indent));
        }
        depth--;
        return map;
    }

    private List<Object> sequence(int indent) {
        enter();
        List<Object> list = new ArrayList<>();
        while (skipToContent()) {
            String l = current();
            int at = indent(l);
            if (at < indent) {
                break;
            }
            if (at > indent || !isItem(l, indent)) {
                if (at == indent) {
                    break; // the rest of a mapping whose sequence sits at its key's indentation
                }
                throw GIVE_UP;
            }
            int content = indent + 1;
            while (content < l.length() && l.charAt(content) == ' ') {
                content++;
            }
            if (content >= l.length() || l.charAt(content) == '#') {
                // "-" alone: the item is the block below, or null
                line++;
                list.add(nested(indent, false));
            } else if (l.charAt(content) == '-' && isItem(l, content)) {
                throw GIVE_UP; // "- - x": a sequence in a sequence
            } else if (startsMapping(l, content)) {
                // "- key: value": a mapping whose keys sit where this one does
                texts[line] = " ".repeat(content) + l.substring(content);
                list.add(mapping(content));
            } else {
                list.add(value(l, content - 1, indent));
            }
        }
        depth--;
        return list;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw GIVE_UP;
        }
    }

    /**
     * The value after a key's colon (or a dash) at {@code from} on the current line, whose key (or dash) sits at
     * {@code indent}: a scalar on this line, a literal block, or the block on the lines below. Moves past it.
     */
    private Object value(String l, int from, int indent) {
        int i = from;
        while (i < l.length() && l.charAt(i) == ' ') {
            i++;
        }
        if (i < l.length() && i == from && l.charAt(from - 1) == ':') {
            throw GIVE_UP; // "key:value" is not a mapping entry
        }
        if (i >= l.length() || l.charAt(i) == '#') {
            if (i < l.length() && l.charAt(i - 1) != ' ') {
                throw GIVE_UP;
            }
            line++;
            return nested(indent, true);
        }
        char c = l.charAt(i);
        Object value;
        switch (c) {
            case '|' -> {
                return literal(l, i, indent);
            }
            case '"', '\'' -> {
                Scalar q = quoted(l, i);
                value = q.text();
                i = q.end();
            }
            case '[', '{' -> {
                String closing = c == '[' ? "[]" : "{}";
                if (!l.startsWith(closing, i)) {
                    throw GIVE_UP;
                }
                value = c == '[' ? new ArrayList<>() : new LinkedHashMap<>();
                i += 2;
            }
            case '>', '&', '*', '!', '%', '@', '`', '?', ':', ',', ']', '}' -> throw GIVE_UP;
            default -> {
                if (c == '-' && (i + 1 == l.length() || l.charAt(i + 1) == ' ')) {
                    throw GIVE_UP; // a sequence on the key's line
                }
                if (l.startsWith("---", i) || l.startsWith("...", i)) {
                    throw GIVE_UP;
                }
                int end = plainEnd(l, i);
                value = resolve(l.substring(i, end));
                i = end;
            }
        }
        rest(l, i);
        line++;
        requireNoContinuation(indent);
        return value;
    }

    /** After "key:" or "-" with nothing on the line: the block below (more indented, or a sequence at {@code indent}). */
    private Object nested(int indent, boolean mayBeSequenceAtSameIndent) {
        if (!skipToContent()) {
            return null;
        }
        String l = current();
        int at = indent(l);
        if (at > indent) {
            return block(at);
        }
        if (at == indent && mayBeSequenceAtSameIndent && isItem(l, indent)) {
            return sequence(indent);
        }
        return null;
    }

    /** A scalar's line must not be followed by a more indented one: that would continue a multi-line scalar. */
    private void requireNoContinuation(int indent) {
        int saved = line;
        if (skipToContent() && indent(current()) > indent) {
            throw GIVE_UP;
        }
        line = saved;
    }

    /** Only spaces, or a comment after a space, may follow a scalar. */
    private static void rest(String l, int i) {
        int j = i;
        while (j < l.length() && l.charAt(j) == ' ') {
            j++;
        }
        if (j < l.length() && (l.charAt(j) != '#' || j == i)) {
            throw GIVE_UP;
        }
    }

    /** A literal block scalar whose header is at {@code at} on the current line, its parent at {@code indent}. */
    private String literal(String l, int at, int indent) {
        int i = at + 1;
        char chomp = 'c';
        if (i < l.length() && (l.charAt(i) == '-' || l.charAt(i) == '+')) {
            chomp = l.charAt(i++);
        }
        rest(l, i); // an indentation indicator, too, is left to SnakeYAML
        line++;
        // the block: lines more indented than the parent, and blank lines among them
        int first = line;
        int blockIndent = -1;
        int end = line;
        while (end < texts.length) {
            String b = texts[end];
            if (isBlank(b)) {
                end++;
                continue;
            }
            int at2 = indent(b);
            if (blockIndent < 0) {
                if (at2 <= indent) {
                    break;
                }
                blockIndent = at2;
            }
            if (at2 < blockIndent) {
                if (at2 > indent) {
                    throw GIVE_UP; // less indented than the block, more than its parent: an error for SnakeYAML
                }
                break;
            }
            end++;
        }
        if (blockIndent < 0) {
            throw GIVE_UP; // an empty block
        }
        for (int k = first; k < end; k++) {
            String b = texts[k];
            if (isBlank(b) && b.length() > blockIndent) {
                throw GIVE_UP; // a line of spaces beyond the indentation: content or not, left to SnakeYAML
            }
        }
        if (end == texts.length && !finalNewline) {
            throw GIVE_UP; // the last line has no line break to keep or clip
        }
        // trailing blank lines belong to the block (for +) but not to the next node
        int last = end;
        while (last > first && isBlank(texts[last - 1])) {
            last--;
        }
        StringBuilder out = new StringBuilder();
        for (int k = first; k < last; k++) {
            String b = texts[k];
            if (!isBlank(b)) { // a blank line is no longer than the indentation (above): an empty line
                out.append(b, blockIndent, b.length());
            }
            out.append('\n');
        }
        int trailing = end - last;
        if (end == texts.length && trailing > 0) {
            trailing--; // the text's own final newline makes an empty last "line"
        }
        line = end;
        if (chomp == '-') {
            out.setLength(Math.max(0, out.length() - 1));
        } else if (chomp == '+') {
            out.append("\n".repeat(trailing));
        }
        return out.toString();
    }

    /** The single- or double-quoted scalar starting at {@code at} (its quote), on this line. */
    private static Scalar quoted(String l, int at) {
        char quote = l.charAt(at);
        StringBuilder out = new StringBuilder();
        int i = at + 1;
        while (true) {
            if (i >= l.length()) {
                throw GIVE_UP; // continues on the next line
            }
            char c = l.charAt(i);
            if (c == quote) {
                if (quote == '\'' && i + 1 < l.length() && l.charAt(i + 1) == '\'') {
                    out.append('\''); // '' in single quotes
                    i += 2;
                    continue;
                }
                return new Scalar(out.toString(), i + 1);
            }
            if (c == '\\' && quote == '"') {
                if (i + 1 >= l.length()) {
                    throw GIVE_UP;
                }
                char e = l.charAt(i + 1);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case '0' -> out.append('\0');
                    default -> throw GIVE_UP;
                }
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
    }

    /** Where a plain scalar starting at {@code at} ends: before a comment, trailing spaces left out. */
    private static int plainEnd(String l, int at) {
        int end = l.length();
        for (int i = at; i < l.length(); i++) {
            char c = l.charAt(i);
            if (c == '#' && i > at && l.charAt(i - 1) == ' ') {
                end = i;
                break;
            }
            if (c == ':' && (i + 1 == l.length() || l.charAt(i + 1) == ' ')) {
                throw GIVE_UP; // a mapping where a scalar was expected
            }
        }
        while (end > at && l.charAt(end - 1) == ' ') {
            end--;
        }
        return end;
    }

    /** A plain scalar resolved and constructed as SnakeYAML's JSON schema does, or give up. */
    private Object resolve(String s) {
        Tag tag = resolver.resolve(s, true);
        if (tag == Tag.STR) {
            return s;
        }
        if (tag == Tag.NULL) {
            return null;
        }
        if (tag == Tag.BOOL) {
            return s.equals("true");
        }
        if (tag == Tag.INT && s.length() <= 18) {
            long v = Long.parseLong(s);
            return v == (int) v ? (Object) (int) v : (Object) v;
        }
        throw GIVE_UP;
    }

    /**
     * The key of the mapping entry on line {@code l} that starts at {@code at}, and the index of the colon after it:
     * a quoted key, or a plain one that SnakeYAML reads as a string and as a simple key.
     */
    private Scalar key(String l, int at) {
        char c = l.charAt(at);
        if (c == '"' || c == '\'') {
            Scalar key = quoted(l, at);
            if (key.end() < l.length() && l.charAt(key.end()) == ':' && key.end() - at < MAX_SIMPLE_KEY) {
                return key;
            }
            throw GIVE_UP;
        }
        if ("#,[]{}&*!|>'\"%@`?-:".indexOf(c) >= 0) {
            throw GIVE_UP;
        }
        for (int i = at; i < l.length() && i - at < MAX_SIMPLE_KEY; i++) {
            char d = l.charAt(i);
            if (d == ':' && (i + 1 == l.length() || l.charAt(i + 1) == ' ')) {
                String key = l.substring(at, i);
                if (key.endsWith(" ") || key.equals("<<") || resolver.resolve(key, true) != Tag.STR) {
                    throw GIVE_UP; // a key SnakeYAML would make a number, a boolean or null
                }
                return new Scalar(key, i);
            }
            if (d == '#' && l.charAt(i - 1) == ' ') {
                break;
            }
            if (",[]{}".indexOf(d) >= 0) {
                throw GIVE_UP; // harmless in a block key, but rare: not worth the risk
            }
        }
        throw GIVE_UP; // no key (a scalar where a mapping entry was expected), or too long a one
    }

    /** Whether the content at {@code at} begins a mapping entry that {@link #key} reads. */
    private boolean startsMapping(String l, int at) {
        try {
            key(l, at);
            return true;
        } catch (GiveUp e) {
            return false; // a scalar item, or an entry left to SnakeYAML when value() reads it as a scalar
        }
    }

    /** Whether {@code l} is a sequence item whose dash is at {@code indent}. */
    private static boolean isItem(String l, int indent) {
        return l.length() > indent
                && l.charAt(indent) == '-'
                && (l.length() == indent + 1 || l.charAt(indent + 1) == ' ');
    }

    /** Moves to the next line with content (not blank, not a comment); false at the end. */
    private boolean skipToContent() {
        while (line < texts.length) {
            String l = current();
            int at = indent(l);
            if (at < l.length() && l.charAt(at) != '#') {
                return true;
            }
            line++;
        }
        return false;
    }

    private String current() {
        return texts[line];
    }

    private static boolean isBlank(String l) {
        for (int i = 0; i < l.length(); i++) {
            if (l.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }

    private static int indent(String l) {
        int i = 0;
        while (i < l.length() && l.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
