package io.envforge.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link BlockParser} against SnakeYAML ({@link Yaml#snakeLoadAll}), the loader it stands in for: wherever it reads a
 * document, its result must be SnakeYAML's (equal as Java objects: an Integer is not a Long); where it gives up,
 * {@link Yaml#loadAll} asks SnakeYAML, so both then fail or succeed alike.
 */
class BlockParserTest {

    private static final org.snakeyaml.engine.v2.resolver.ScalarResolver RESOLVER =
            org.snakeyaml.engine.v2.api.LoadSettings.builder()
                    .build()
                    .getSchema()
                    .getScalarResolver();

    /** Every document of every golden YAML file (Helm's manifests among them): the same both ways, nearly all fast. */
    @Test
    void readsEveryGoldenDocumentAsSnakeYamlDoes() throws IOException {
        List<GoldenYaml.Doc> docs = GoldenYaml.documents();
        int fast = 0;
        for (GoldenYaml.Doc doc : docs) {
            List<Map<String, Object>> mine = BlockParser.load(doc.text(), RESOLVER);
            if (mine != null) {
                fast++;
                assertEquals(doc.parsed(), mine, doc.file() + ":\n" + doc.text());
            }
        }
        assertTrue(docs.size() > 150, "golden documents: " + docs.size());
        assertTrue(fast * 10 > docs.size() * 9, "read by the block parser: " + fast + " of " + docs.size());
        System.out.println("golden documents read by the block parser: " + fast + " of " + docs.size());
    }

    /** Random documents dumped by SnakeYAML and by the block emitter, read back both ways. */
    @Test
    void readsWhatTheDumpersWriteAsSnakeYamlDoes() {
        Random random = new Random(Long.getLong("blockParser.seed", 20261127));
        int total = Integer.getInteger("blockParser.documents", 20_000);
        int fast = 0;
        for (int i = 0; i < total; i++) {
            String text = Yaml.snakeDump(BlockEmitterTest.map(random, 0));
            fast += same(text) ? 1 : 0;
        }
        assertTrue(fast > total * 2 / 5, "read by the block parser: " + fast + " of " + total);
        System.out.println("random documents read by the block parser: " + fast + " of " + total);
    }

    /** Layouts Helm's templates write (zero-indented sequences, comments, blank lines, literal blocks), read fast. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "# Source: x\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels:\n    app: x\n",
                "spec:\n  containers:\n  - name: a\n    args:\n    - -Xmx1g\n    - --port=80\n    ports:\n    - containerPort: 80\n  volumes:\n  - name: v\n",
                "a:\n  - x\n  -   y\n  - \"z\"\nb: 'it''s'\nc: \"q\\\"\\\\\\n\"\n",
                "data:\n  f.sh: |\n    #!/bin/sh\n    echo hi\n\n    if x; then\n      y\n    fi\n  g: |-\n    a\n    b\n\n  h: |+\n    a\n\n\nk: v\n",
                "a: 1\nb: -7\nc: 2147483648\nd: true\ne: false\nf: null\ng: ~\nh: on\ni: 0x1F\nj: 1_000\nk: 01\nl: \"1\"\n",
                "a:\nb: {}\nc: []\nd:   # comment\n  e: f # trailing\n# between\ng: h\n",
                "list:\n- a: 1\n  b:\n  - c\n  - d\n- - x\n",
                "a: b\n\n\n",
                "# only a comment\n\n",
                "x: café ünïcode ✓\ny: 'a: b'\nz: a#b\nw: a #comment\n",
                "'quoted key': 1\n\"dq\": 2\nk.with/slash-and_under: 3\n",
                "a: |\n  x\n",
                "a: |\n  x",
                "a: |2\n   x\n",
                "a: >\n  folded\n",
                "a: &anchor x\nb: *anchor\n",
                "a: !!str 1\n",
                "a: 1.5\n",
                "a: [1, 2]\n",
                "a: plain\n  continued\n",
                "a: b\na: c\n",
                "a:\n  b: 1\n c: 2\n",
                "a: b: c\n",
                "- x\n",
                "  a: 1\n",
                "a:\tb\n",
                "a: \"unterminated\n",
                "a: '\n",
                "? complex\n: value\n",
                "true: 1\n",
                "1: one\n",
                "<<: {}\n",
                "a: |\n    x\n  y\n",
                "a: |\n  \n   \n  x\n",
                "a: ${ENV}\n",
                "a: ---\n",
                "key:value\n",
                "a: 99999999999999999999\n",
                "k: |-\n  a\n  \n",
                "list:\n-\n  a: 1\n-\n- x\n",
                "a: x\u2028y\nb: z\u0085w\nc: \uFEFFq\n",
                "a: x\u2029\n",
            })
    void readsEdgeCasesAsSnakeYamlDoes(String text) {
        same(text);
    }

    /**
     * SnakeYAML's limits: a simple key runs at most 1,024 code points to its colon (ScannerImpl's
     * stalePossibleSimpleKeys), a document at most LoadSettings' code point limit (3 MB); past them it throws.
     */
    @Test
    void leavesWhatSnakeYamlRefusesForItsLengthToIt() {
        for (int n : new int[] {1000, 1023, 1024, 1025, 2000}) {
            same("k".repeat(n) + ": v\n");
            same("\"" + "k".repeat(n) + "\": v\n");
            same("a:\n  b: 1\n  " + "k".repeat(n) + ": v\n");
            same("- " + "k".repeat(n) + ": v\n");
        }
        String line = "  " + "x".repeat(98) + "\n";
        int limit = org.snakeyaml.engine.v2.api.LoadSettings.builder().build().getCodePointLimit();
        same("a: |\n" + line.repeat(limit / line.length() + 1));
    }

    /**
     * A deeply nested document is left to SnakeYAML: the block parser recursed per level and overflowed its stack at
     * about 2,000 levels (a StackOverflowError out of Yaml.loadAll) where SnakeYAML still read the document.
     */
    @Test
    void leavesDeepNestingToSnakeYaml() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            text.append(" ".repeat(2 * i)).append(i % 2 == 0 ? "a:\n" : "- b:\n");
        }
        assertNull(BlockParser.load(text.toString(), RESOLVER));
        same(text.toString());
        assertNotNull(BlockParser.load(text.substring(0, text.indexOf(" ".repeat(2 * 150))), RESOLVER));
    }

    /** The common layouts above are read by the block parser itself, not only passed on. */
    @Test
    void readsHelmLayoutsItself() {
        for (String text : List.of(
                "spec:\n  containers:\n  - name: a\n    args:\n    - -Xmx1g\n    ports:\n    - containerPort: 80\n",
                "data:\n  f.sh: |\n    #!/bin/sh\n\n    echo hi\n  g: |-\n    a\n",
                "a: 1\nb: true\nc: null\nd: \"x\"\ne: 'y'\nf: []\ng: {}\n")) {
            assertNotNull(BlockParser.load(text, RESOLVER), text);
        }
    }

    /** Yaml.loadAll and SnakeYAML alone agree on {@code text}: the same documents, or both refuse it. */
    private static boolean same(String text) {
        Object snake;
        try {
            snake = Yaml.snakeLoadAll(text);
        } catch (RuntimeException e) {
            snake = e.getClass();
        }
        Object mine;
        try {
            mine = Yaml.loadAll(text);
        } catch (RuntimeException e) {
            mine = e.getClass();
        }
        assertEquals(snake, mine, text);
        return BlockParser.load(text, RESOLVER) != null;
    }
}
