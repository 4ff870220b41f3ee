package io.envforge.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockEmitter} against SnakeYAML ({@link Yaml#snakeDump}), the dumper it stands in for: wherever it writes a
 * document, its text must be SnakeYAML's; where it gives up, {@link Yaml#dump} asks SnakeYAML.
 */
class BlockEmitterTest {

    /** Pieces that sit on the edges of the emitter's rules: indicators, quoting, YAML 1.1 and 1.2 specials. */
    private static final String[] PIECES = {
        "a",
        "Z",
        "0",
        "7",
        "x",
        "-",
        "- ",
        ":",
        ": ",
        "#",
        " #",
        "?",
        "? ",
        ",",
        "[",
        "]",
        "{",
        "}",
        "&",
        "*",
        "!",
        "|",
        ">",
        "'",
        "\"",
        "%",
        "@",
        "`",
        " ",
        "  ",
        "\t",
        "\n",
        "\n\n",
        "\r",
        ".",
        "..",
        "...",
        "---",
        "~",
        "=",
        "<<",
        "+",
        "_",
        "/",
        "\\",
        "on",
        "yes",
        "No",
        "null",
        "true",
        "False",
        "1",
        "1.5",
        "0x1F",
        "0o7",
        "1e3",
        ".inf",
        ".NaN",
        "12:30",
        "2024-01-01",
        "é",
        "\u2028",
        "\u0085",
        "\0",
        "wso2/wso2am:4.3.0",
        "10.20.0.1",
        "-Xmx512m",
        "a:b",
        "a#b",
        "http://x/y?z=1&w=2",
        "${VAR}",
        "{{ .Values }}"
    };

    @Test
    void writesWhatSnakeYamlWritesOnRandomDocuments() {
        Random random = new Random(Long.getLong("blockEmitter.seed", 20261127));
        int fast = 0;
        int total = Integer.getInteger("blockEmitter.documents", 20_000);
        for (int i = 0; i < total; i++) {
            Map<String, Object> doc = map(random, 0);
            String mine = BlockEmitter.dump(doc, settingsResolver(), Yaml::quoted);
            String snake = Yaml.snakeDump(doc);
            if (mine != null) {
                fast++;
                assertEquals(snake, mine, "document " + i + ": " + doc);
            }
            assertEquals(snake, Yaml.dump(doc));
        }
        // the documents are built to hit the edges, so many fall back; enough must not, or this proves nothing
        assertTrue(fast > total / 5, "written by the block emitter: " + fast + " of " + total);
        System.out.println("random documents written by the block emitter: " + fast + " of " + total);
    }

    /** Every document of every golden YAML file: the same text both ways, and nearly all without SnakeYAML. */
    @Test
    void writesEveryGoldenDocumentAsSnakeYamlDoes() throws IOException {
        int docs = 0;
        int fast = 0;
        for (GoldenYaml.Doc golden : GoldenYaml.documents()) {
            for (Map<String, Object> doc : golden.parsed()) {
                docs++;
                String mine = BlockEmitter.dump(doc, settingsResolver(), Yaml::quoted);
                if (mine != null) {
                    fast++;
                    assertEquals(Yaml.snakeDump(doc), mine, golden.file() + ": " + doc);
                }
            }
        }
        assertTrue(docs > 150, "golden documents: " + docs);
        assertTrue(fast * 10 > docs * 9, "written by the block emitter: " + fast + " of " + docs);
        System.out.println("golden documents written by the block emitter: " + fast + " of " + docs);
    }

    @Test
    void leavesToSnakeYamlWhatItWouldAnchorOrNest() {
        Map<String, Object> shared = new LinkedHashMap<>(Map.of("k", "v"));
        Map<String, Object> twice = new LinkedHashMap<>();
        twice.put("a", shared);
        twice.put("b", shared);
        assertNull(BlockEmitter.dump(twice, settingsResolver(), Yaml::quoted));
        // SnakeYAML numbers anchors with a counter kept in its settings, so two dumps differ only in that number
        assertEquals(
                Yaml.snakeDump(twice).replaceAll("id[0-9]+", "id"),
                Yaml.dump(twice).replaceAll("id[0-9]+", "id"));
        assertTrue(Yaml.dump(twice).matches("(?s)a: &id[0-9]+\n  k: v\nb: \\*id[0-9]+\n"), Yaml.dump(twice));

        Map<String, Object> nested = Map.of("l", List.of(List.of("x")));
        assertNull(BlockEmitter.dump(nested, settingsResolver(), Yaml::quoted));
        assertEquals(Yaml.snakeDump(nested), Yaml.dump(nested));
    }

    /** Emitter.checkSimpleKey counts the key's tag ({@code !!str}) too: from 123 characters a key is {@code ? key}. */
    @Test
    void writesLongKeysAsSnakeYamlDoes() {
        for (int n = 118; n <= 130; n++) {
            for (String key : List.of("k".repeat(n), "1".repeat(n), "a b".repeat(n / 3))) {
                Map<String, Object> doc = Map.of(key, "v");
                assertEquals(Yaml.snakeDump(doc), Yaml.dump(doc), key);
            }
        }
    }

    /** A deeply nested document is left to SnakeYAML, which overflows its stack first (about 1,000 levels). */
    @Test
    void leavesDeepNestingToSnakeYaml() {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> m = root;
        for (int i = 0; i < 300; i++) {
            Map<String, Object> next = new LinkedHashMap<>();
            m.put("a", i % 2 == 0 ? next : new ArrayList<>(List.of(next)));
            m = next;
        }
        m.put("x", "y");
        assertNull(BlockEmitter.dump(root, settingsResolver(), Yaml::quoted));
        assertEquals(Yaml.snakeDump(root), Yaml.dump(root));
    }

    private static org.snakeyaml.engine.v2.resolver.ScalarResolver settingsResolver() {
        return org.snakeyaml.engine.v2.api.DumpSettings.builder()
                .build()
                .getSchema()
                .getScalarResolver();
    }

    /** A random document of the pieces above (also {@link BlockParserTest}'s). */
    static Map<String, Object> map(Random random, int depth) {
        Map<String, Object> out = new LinkedHashMap<>();
        int n = random.nextInt(depth == 0 ? 6 : 4);
        for (int i = 0; i < n; i++) {
            out.put(random.nextInt(4) == 0 ? string(random) : "k" + random.nextInt(50), value(random, depth + 1));
        }
        return out;
    }

    private static List<Object> list(Random random, int depth) {
        List<Object> out = new ArrayList<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            out.add(value(random, depth + 1));
        }
        return out;
    }

    private static Object value(Random random, int depth) {
        int pick = random.nextInt(depth > 3 ? 7 : 10);
        return switch (pick) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextBoolean() ? random.nextInt(2001) - 1000 : random.nextLong();
            case 3, 4 -> "v" + random.nextInt(100);
            case 5, 6 -> string(random);
            case 7, 8 -> map(random, depth);
            default -> list(random, depth);
        };
    }

    private static String string(Random random) {
        StringBuilder s = new StringBuilder();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            s.append(random.nextInt(3) == 0 ? "w" + random.nextInt(9) : PIECES[random.nextInt(PIECES.length)]);
        }
        return random.nextInt(30) == 0 ? "" : s.toString();
    }
}
