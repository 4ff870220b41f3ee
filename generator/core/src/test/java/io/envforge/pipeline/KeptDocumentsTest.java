package io.envforge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.TestWorkspace;
import io.envforge.api.GenerateRequest;
import io.envforge.model.Environment;
import io.envforge.render.FleetRenderer;
import io.envforge.render.OutputTree;
import io.envforge.render.Renderer;
import io.envforge.render.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validator and the change summary trust the documents a renderer keeps beside a YAML file instead of parsing
 * its text. This runs every standard renderer over the golden specs and checks, file by file, that the kept
 * documents are exactly what parsing the text gives (same maps, same value types), and that every manifest the
 * validator reads has them (else a fleet run parses again).
 */
class KeptDocumentsTest {

    @TempDir
    Path temp;

    private final Set<String> kept = new ConcurrentSkipListSet<>();
    private final Set<String> manifestsWithout = new ConcurrentSkipListSet<>();

    @Test
    void keptDocumentsAreWhatTheTextParsesTo() throws IOException {
        TestWorkspace ws = TestWorkspace.create(temp.resolve("ws"));
        for (String golden : List.of("aws-dev1", "azure-tst2", "aws-argocd-prod1")) {
            Path input = Path.of("src/test/resources/golden", golden, "input");
            try (Stream<Path> files = Files.walk(input)) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    ws.write(input.relativize(p).toString(), Files.readString(p));
                }
            }
        }
        Envforge standard = Envforge.standard(ws.root());
        Envforge checking = new Envforge(
                standard.renderers().stream().map(this::checking).toList(),
                standard.fleetRenderers().stream().map(this::checking).toList());
        GenerateRequest request = GenerateRequest.builder(ws.root())
                .environments(List.of("all"))
                .schemas(TestWorkspace.SCHEMAS)
                .mode(GenerateRequest.Mode.WRITE)
                .build();
        checking.generate(request);

        assertEquals(Set.of(), manifestsWithout, "manifests the validator would parse again");
        assertTrue(kept.size() >= 3 * 12, "files with kept documents: " + kept);
        assertTrue(kept.stream().anyMatch(p -> p.endsWith("/layers/api-gateway.yaml")), kept.toString());
    }

    private Renderer checking(Renderer renderer) {
        return new Renderer() {
            @Override
            public String name() {
                return renderer.name();
            }

            @Override
            public OutputTree render(Environment env) {
                return check(renderer.render(env));
            }
        };
    }

    private FleetRenderer checking(FleetRenderer renderer) {
        return new FleetRenderer() {
            @Override
            public String name() {
                return renderer.name();
            }

            @Override
            public List<String> owned() {
                return renderer.owned();
            }

            @Override
            public OutputTree render(List<Environment> environments) {
                return check(renderer.render(environments));
            }
        };
    }

    private OutputTree check(OutputTree after) {
        for (String path : after.files().keySet()) {
            Optional<List<Map<String, Object>>> docs = after.documents(path);
            if (docs.isPresent()) {
                assertEquals(Yaml.loadAll(after.get(path)), docs.get(), path);
                kept.add(path);
            } else if (isManifest(path)) {
                manifestsWithout.add(path);
            }
        }
        return after;
    }

    private static boolean isManifest(String path) {
        return (path.startsWith("overlays/") || path.startsWith("clusters/")) && path.endsWith(".yaml");
    }
}
