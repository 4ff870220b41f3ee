package io.envforge.render.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.envforge.TestWorkspace;
import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.pipeline.Envforge;
import io.envforge.pipeline.GenerateRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the renderer refuses, with the file, path, value and fix; the HCL string literal helper. */
class TerraformRendererTest {

    @TempDir
    Path temp;

    @Test
    void azureWithMysqlIsRefusedWithAFix() {
        TestWorkspace ws = TestWorkspace.create(temp.resolve("ws"));
        ws.write("environments/az9.yaml", """
                apiVersion: envforge.io/v1alpha1
                kind: Environment
                metadata:
                  name: az9
                spec:
                  cloud: azure
                  network:
                    cidr: 10.40.0.0/20
                  database:
                    engine: mysql
                    version: "8.0"
                """);
        GenerateRequest request = new GenerateRequest(ws.root(), List.of("az9"), Optional.empty(), Optional.empty(),
                false, Optional.of(TestWorkspace.SCHEMAS), false, false);
        EnvforgeException e = assertThrows(EnvforgeException.class,
                () -> Envforge.standard(ws.root()).generate(request));
        assertEquals(List.of(new Problem("environments/az9.yaml", "spec.database.engine", "mysql",
                "the Azure database module builds PostgreSQL Flexible Server only",
                "use engine postgres for Azure environments")), e.problems());
    }

    @Test
    void stringsAreQuotedAndTemplateSequencesEscaped() {
        assertEquals("\"a\\\"b\"", Hcl.str("a\"b"));
        assertEquals("\"$${x} %%{y} \\\\\"", Hcl.str("${x} %{y} \\"));
        assertEquals("null", Hcl.str(null));
        assertEquals("[\"a\", \"b\"]", Hcl.strings(List.of("a", "b")));
        assertEquals("[443, 8243]", Hcl.numbers(List.of(443, 8243)));
    }
}
