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

    private final String text;
    private final ScalarResolver resolver;
    /** The text's lines, without their line feeds. */
    private final String[] texts;

    private final int lines;
    /** The current line. */
    private int line;
    /** A line's text replaced by the parser (a sequence item's {@code "- "} read as indentation); else null. */
    private String override;

    private int overrideLine = -1;
    /** {@link #current}'s text and line. */
    private String cached;

    private int cachedLine = -1;
    /** The mappings and sequences being read. */
    private int depth;

    private BlockParser(String text, ScalarResolver resolver, String[] texts) {
        this.text = text;
        this.resolver = resolver;
        this.texts = texts;
        this.lines = texts.length;
    }

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
        int n = chars.length;
        int count = 1;
        for (char c : chars) {
            if (c == '\n') {
                count++;
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
        int[] starts = new int[count + 1];
        int k = 1;
        for (int i = 0; i < n; i++) {
            if (chars[i] == '\n') {
                starts[k++] = i + 1;
            }
        }
        starts[count] = n + 1;
        String[] lines = new String[count];
        for (int i = 0; i < count; i++) {
            lines[i] = new String(chars, starts[i], starts[i + 1] - 1 - starts[i]);
        }
        BlockParser p = new BlockParser(text, resolver, lines);
        try {
            return p.document();
        } catch (GiveUp e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> document() {
        for (int i = 0; i < lines; i++) {
            String l = raw(i);
            if (l.startsWith("---") || l.startsWith("...") || l.startsWith("%")) {
                throw GIVE_UP;
            }
        }
        line = 0;
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
            int colon = keyEnd(l, at);
            if (colon - at >= MAX_SIMPLE_KEY) {
                throw GIVE_UP;
            }
            String key = key(l, at, colon);
            if (map.containsKey(key)) {
                throw GIVE_UP; // SnakeYAML refuses a duplicate key: let it say so
            }
            map.put(key, value(l, colon + 1, indent));
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
                replace(" ".repeat(content) + l.substring(content));
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
            case '"' -> {
                int[] end = {0};
                value = doubleQuoted(l, i, end);
                i = end[0];
            }
            case '\'' -> {
                int[] end = {0};
                value = singleQuoted(l, i, end);
                i = end[0];
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
        rest(l, i);
        if (i < l.length() && l.charAt(i) != ' ' && l.charAt(i) != '#') {
            throw GIVE_UP; // an indentation indicator
        }
        line++;
        // the block: lines more indented than the parent, and blank lines among them
        int first = line;
        int blockIndent = -1;
        int end = line;
        int maxLeadingBlank = 0;
        while (end < lines) {
            String b = raw(end);
            if (isBlank(b)) {
                if (blockIndent < 0) {
                    maxLeadingBlank = Math.max(maxLeadingBlank, b.length());
                }
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
        if (blockIndent < 0 || maxLeadingBlank > blockIndent) {
            throw GIVE_UP; // an empty block, or leading blank lines longer than its indentation
        }
        for (int k = first; k < end; k++) {
            String b = raw(k);
            if (isBlank(b) && b.length() > blockIndent) {
                throw GIVE_UP; // a line of spaces beyond the indentation: content or not, left to SnakeYAML
            }
        }
        if (end == lines && !text.endsWith("\n")) {
            throw GIVE_UP; // the last line has no line break to keep or clip
        }
        // trailing blank lines belong to the block (for +) but not to the next node
        int last = end;
        while (last > first && isBlank(raw(last - 1))) {
            last--;
        }
        StringBuilder out = new StringBuilder();
        for (int k = first; k < last; k++) {
            String b = raw(k);
            if (b.length() > blockIndent) {
                out.append(b, blockIndent, b.length());
            } else if (!isBlank(b)) {
                throw GIVE_UP;
            }
            out.append('\n');
        }
        int trailing = end - last;
        if (end == lines && trailing > 0 && raw(lines - 1).isEmpty()) {
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

    /** The double-quoted scalar starting at {@code at}; {@code end[0]}: the index after its closing quote. */
    private static String doubleQuoted(String l, int at, int[] end) {
        StringBuilder out = new StringBuilder();
        int i = at + 1;
        while (true) {
            if (i >= l.length()) {
                throw GIVE_UP; // continues on the next line
            }
            char c = l.charAt(i);
            if (c == '"') {
                end[0] = i + 1;
                return out.toString();
            }
            if (c == '\\') {
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

    /** The single-quoted scalar starting at {@code at}; {@code end[0]}: the index after its closing quote. */
    private static String singleQuoted(String l, int at, int[] end) {
        StringBuilder out = new StringBuilder();
        int i = at + 1;
        while (true) {
            if (i >= l.length()) {
                throw GIVE_UP;
            }
            char c = l.charAt(i);
            if (c == '\'') {
                if (i + 1 < l.length() && l.charAt(i + 1) == '\'') {
                    out.append('\'');
                    i += 2;
                    continue;
                }
                end[0] = i + 1;
                return out.toString();
            }
            out.append(c);
            i++;
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

    /** The index of the colon that ends the key of the mapping entry on line {@code l} (key at {@code at}). */
    private static int keyEnd(String l, int at) {
        char c = l.charAt(at);
        if (c == '"' || c == '\'') {
            int[] end = {0};
            if (c == '"') {
                doubleQuoted(l, at, end);
            } else {
                singleQuoted(l, at, end);
            }
            if (end[0] < l.length() && l.charAt(end[0]) == ':') {
                return end[0];
            }
            throw GIVE_UP;
        }
        if ("#,[]{}&*!|>'\"%@`?-:".indexOf(c) >= 0) {
            throw GIVE_UP;
        }
        for (int i = at; i < l.length(); i++) {
            char d = l.charAt(i);
            if (d == ':' && (i + 1 == l.length() || l.charAt(i + 1) == ' ')) {
                return i;
            }
            if (d == '#' && l.charAt(i - 1) == ' ') {
                break;
            }
            if (",[]{}".indexOf(d) >= 0) {
                throw GIVE_UP; // harmless in a block key, but rare: not worth the risk
            }
        }
        throw GIVE_UP; // no key: a scalar where a mapping entry was expected
    }

    private String key(String l, int at, int colon) {
        char c = l.charAt(at);
        if (c == '"') {
            return doubleQuoted(l, at, new int[1]);
        }
        if (c == '\'') {
            return singleQuoted(l, at, new int[1]);
        }
        String key = l.substring(at, colon);
        if (key.endsWith(" ") || key.equals("<<") || resolver.resolve(key, true) != Tag.STR) {
            throw GIVE_UP; // a key SnakeYAML would make a number, a boolean or null
        }
        return key;
    }

    /** Whether the content at {@code at} begins a mapping entry: a key and a colon followed by a space or the end. */
    private static boolean startsMapping(String l, int at) {
        char c = l.charAt(at);
        if (c == '"' || c == '\'' || c == '|' || c == '>' || c == '[' || c == '{') {
            if (c != '"' && c != '\'') {
                return false;
            }
            int[] end = {0};
            try {
                if (c == '"') {
                    doubleQuoted(l, at, end);
                } else {
                    singleQuoted(l, at, end);
                }
            } catch (GiveUp e) {
                return false;
            }
            return end[0] < l.length() && l.charAt(end[0]) == ':';
        }
        for (int i = at; i < l.length(); i++) {
            char d = l.charAt(i);
            if (d == ':' && (i + 1 == l.length() || l.charAt(i + 1) == ' ')) {
                return true;
            }
            if (d == '#' && i > at && l.charAt(i - 1) == ' ') {
                return false;
            }
        }
        return false;
    }

    /** Whether {@code l} is a sequence item whose dash is at {@code indent}. */
    private static boolean isItem(String l, int indent) {
        return l.length() > indent
                && l.charAt(indent) == '-'
                && (l.length() == indent + 1 || l.charAt(indent + 1) == ' ');
    }

    /** Moves to the next line with content (not blank, not a comment); false at the end. */
    private boolean skipToContent() {
        while (line < lines) {
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
        if (line != cachedLine) {
            cached = raw(line);
            cachedLine = line;
        }
        return cached;
    }

    private void replace(String l) {
        override = l;
        overrideLine = line;
        cachedLine = -1;
    }

    private String raw(int i) {
        return i == overrideLine ? override : texts[i];
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
