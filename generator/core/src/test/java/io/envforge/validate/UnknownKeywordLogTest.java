package io.envforge.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.TestWorkspace;
import io.envforge.render.OutputTree;
import io.envforge.testing.RecordingLogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The JSON-schema validator logs {@code Unknown keyword x-kubernetes-validations - you should define your own Meta
 * Schema ...} at WARN for every keyword its meta-schema does not know, and Maven prints it to the user once per
 * schema. The API server's extensions are read as annotations instead (SchemaRule's factory): validating CRD-based
 * objects against a user's schema that keeps them, the bundled schemas and {@code ../shared/schemas} logs none.
 */
class UnknownKeywordLogTest {

    private static final String CERT = "apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: c\n"
            + "  namespace: dev1\nspec:\n  secretName: c\n  issuerRef:\n    name: i\n";
    private static final String ES = "apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n"
            + "  name: db\n  namespace: dev1\nspec:\n  secretStoreRef:\n    kind: SecretStore\n    name: store\n"
            + "  target:\n    name: db\n  dataFrom:\n    - extract:\n        key: dev1/db\n";
    private static final String POD = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: dev1\nspec:\n"
            + "  containers:\n    - name: c\n      image: busybox:1.37\n";

    @Test
    void theApiServersExtensionsAreNotLoggedAsUnknownKeywords(@TempDir Path folder) throws IOException {
        assertEquals(
                "io.envforge.testing.RecordingLogs$Recorder",
                LoggerFactory.getLogger("x").getClass().getName(),
                "the recording SLF4J provider is not installed: the test would see nothing");
        Path schema = folder.resolve("crds/cert-manager.io/certificate_v1.json");
        Files.createDirectories(schema.getParent());
        Files.writeString(schema, """
                {"type": "object", "required": ["spec"],
                 "x-kubernetes-validations": [{"rule": "has(self.spec)", "message": "spec is required"}],
                 "properties": {"spec": {"type": "object", "x-kubernetes-preserve-unknown-fields": true,
                   "x-kubernetes-map-type": "atomic",
                   "properties": {"secretName": {"x-kubernetes-int-or-string": true}}}}}
                """);
        int before = RecordingLogs.warnings().size();

        Report user = new Validator(Optional.of(folder)).validate(tree(CERT + "---\n" + ES + "---\n" + POD));
        assertEquals(List.of(), user.errors(), user.render());
        assertTrue(user.render().contains("1 against the schema folder " + folder), user.render());
        Report bundled = new Validator(Optional.empty()).validate(tree(ES + "---\n" + POD));
        assertEquals(List.of(), bundled.errors(), bundled.render());
        if (Files.isDirectory(TestWorkspace.SCHEMAS)) {
            new Validator(Optional.of(TestWorkspace.SCHEMAS)).validate(tree(CERT + "---\n" + ES + "---\n" + POD));
        }

        List<String> logged = RecordingLogs.warnings()
                .subList(before, RecordingLogs.warnings().size());
        assertEquals(
                List.of(),
                logged.stream().filter(w -> w.contains("Unknown keyword")).toList());
    }

    private static OutputTree tree(String yaml) {
        return OutputTree.builder().put("overlays/dev1/objects.yaml", yaml).build();
    }
}
