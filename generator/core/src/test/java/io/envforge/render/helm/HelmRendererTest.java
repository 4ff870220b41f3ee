package io.envforge.render.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.TestWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How Helm's output is cut into documents, and that concurrent Helm calls give what one call gives. */
class HelmRendererTest {

    private static final Path VALUES = Path.of("src/test/resources/golden/aws-dev1/expected/overlays/dev1/layers");

    static Stream<Arguments> outputs() {
        return Stream.of(
                Arguments.of(
                        "helm's layout",
                        "---\n# Source: c/templates/a.yaml\nkind: A\n---\n# Source: c/b.yaml\n" + "kind: B\n",
                        List.of("# Source: c/templates/a.yaml\nkind: A\n", "# Source: c/b.yaml\nkind: B\n")),
                Arguments.of("no leading separator", "kind: A\n---\nkind: B\n", List.of("kind: A\n", "kind: B\n")),
                Arguments.of(
                        "empty and comment-only pieces stay (the parser drops them)",
                        "---\n\n---\n# only\n---\n" + "kind: A\n",
                        List.of("# only\n", "kind: A\n")),
                Arguments.of(
                        "an indented --- inside a block scalar is content",
                        "kind: A\ndata:\n  x: |\n    ---\n" + "    y\n",
                        List.of("kind: A\ndata:\n  x: |\n    ---\n    y\n")),
                Arguments.of(
                        "a separator with content after it",
                        "kind: A\n--- # next\nkind: B\n",
                        List.of("kind: A\n", "# next\nkind: B\n")),
                Arguments.of("trailing blank lines are trimmed", "kind: A\n\n\n", List.of("kind: A\n")),
                Arguments.of("no final newline", "kind: A\n---\nkind: B", List.of("kind: A\n", "kind: B\n")),
                Arguments.of(
                        "a separator as the last line, with and without content",
                        "kind: A\n--- \n---",
                        List.of("kind: A\n")),
                Arguments.of("---x is content", "---x: 1\n----\n", List.of("---x: 1\n----\n")),
                Arguments.of("only a separator", "---\n", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outputs")
    void cutsHelmOutputIntoDocuments(String name, String output, List<String> expected) {
        assertEquals(expected, HelmRenderer.documents(output));
    }

    /**
     * HelmRenderer calls Helm from every render thread at once (helm-java's stdout swap only concerns console
     * output, which {@code helm template} has none of). If a helm-java upgrade made concurrent calls interfere, the
     * outputs here would differ from the one made alone.
     */
    @Test
    void concurrentTemplateCallsGiveWhatOneCallGives() throws Exception {
        List<String[]> jobs = List.of(
                new String[] {"api-gateway", Files.readString(VALUES.resolve("api-gateway.values.yaml"))},
                new String[] {"integration", Files.readString(VALUES.resolve("integration.values.yaml"))});
        List<String> alone = new ArrayList<>();
        for (String[] job : jobs) {
            alone.add(template(job));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String[] job = jobs.get(i % 2);
                results.add(pool.submit(() -> template(job)));
            }
            for (int i = 0; i < results.size(); i++) {
                assertEquals(alone.get(i % 2), results.get(i).get(), "call " + i);
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(alone.get(0).contains("kind: StatefulSet"), alone.get(0));
    }

    private static String template(String[] job) throws IOException {
        return HelmJavaEngine.helmTemplate(
                TestWorkspace.REPO.resolve("charts").resolve(job[0]), job[0], "dev1", job[1]);
    }
}
