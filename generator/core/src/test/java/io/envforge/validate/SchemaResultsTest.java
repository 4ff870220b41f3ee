package io.envforge.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.TestWorkspace;
import io.envforge.cache.DiskCache;
import io.envforge.render.OutputTree;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema findings kept per file text: a second validation of the same text reads them back, the same findings. */
class SchemaResultsTest {

    private static final String SERVICE = "apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n  namespace: dev1\n"
            + "spec:\n  type: ClusterIP\n  selector:\n    app: api\n  ports:\n    - port: 8243\n";
    private static final String BAD = SERVICE.replace("type: ClusterIP", "clusterIp: 10.0.0.1");
    private static final String UNKNOWN = "apiVersion: example.com/v1\nkind: Gadget\nmetadata:\n  name: g\n";

    @TempDir
    Path dir;

    private static OutputTree tree(String service) {
        return OutputTree.builder()
                .put("overlays/dev1/service.yaml", service)
                .put("overlays/dev1/other.yaml", UNKNOWN)
                .build();
    }

    @Test
    void sameManifestsGiveTheCachedReportWithoutParsingADocument() {
        OutputTree parsed = tree(BAD);
        Report fresh =
                new Validator(Optional.of(TestWorkspace.SCHEMAS), DiskCache.at(dir, 1 << 20)).validate(parsed, "dev1");
        OutputTree lazy = OutputTree.builder()
                .putLazily("overlays/dev1/service.yaml", BAD, () -> {
                    throw new AssertionError("parsed although the report was cached");
                })
                .put("overlays/dev1/other.yaml", UNKNOWN)
                .build();
        OutputTree unparsed = OutputTree.builder().putAll(lazy).build();
        assertEquals(
                fresh.findings(),
                new Validator(Optional.of(TestWorkspace.SCHEMAS), DiskCache.at(dir, 1 << 20))
                        .validate(unparsed, "dev1")
                        .findings());
        assertTrue(SchemaRule.validatorVersion().matches("\\d+\\.\\d+\\.\\d+.*"), SchemaRule.validatorVersion());
    }

    @Test
    void secondValidationOfTheSameTextsComesFromTheCacheWithTheSameFindings() {
        DiskCache first = DiskCache.at(dir, 1 << 20);
        Report fresh = new Validator(Optional.of(TestWorkspace.SCHEMAS), first).validate(tree(BAD), "dev1");
        assertTrue(fresh.hasErrors());
        assertTrue(fresh.findings().stream().anyMatch(f -> f.message().startsWith("no schema for example.com/v1")));

        DiskCache second = DiskCache.at(dir, 1 << 20);
        Report cached = new Validator(Optional.of(TestWorkspace.SCHEMAS), second).validate(tree(BAD), "dev1");
        assertEquals(fresh.findings(), cached.findings());
        assertEquals(2, second.hits(), "the schema set's digest (SchemaRule, by the files' stamps) and the report");

        Report changed = new Validator(Optional.of(TestWorkspace.SCHEMAS), second).validate(tree(SERVICE), "dev1");
        assertTrue(
                changed.errors().stream().noneMatch(f -> f.file().equals("overlays/dev1/service.yaml")),
                changed.findings().toString());
        assertEquals(
                new Validator(Optional.of(TestWorkspace.SCHEMAS))
                        .validate(tree(SERVICE))
                        .findings(),
                changed.findings());
    }
}
