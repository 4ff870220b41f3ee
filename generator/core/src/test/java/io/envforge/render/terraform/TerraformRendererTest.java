package io.envforge.render.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.TestWorkspace;
import io.envforge.api.GenerateRequest;
import io.envforge.pipeline.Envforge;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node settings the renderer takes from the spec; the HCL string literal helper. (An engine other than
 * PostgreSQL, which this renderer once refused for Azure, is refused by the spec's schema: see BadInputTest.)
 */
class TerraformRendererTest {

    @TempDir
    Path temp;

    @Test
    void clusterNodesComeFromTheSpecOrThePlatformDefaults() throws Exception {
        TestWorkspace ws = TestWorkspace.create(temp.resolve("ws"));
        ws.write("environments/az8.yaml", """
                apiVersion: envforge.io/v1alpha1
                kind: Environment
                metadata:
                  name: az8
                spec:
                  cloud: azure
                  network:
                    cidr: 10.41.0.0/20
                  cluster:
                    nodeSize: large
                    nodes: {min: 3, max: 9}
                """);
        ws.write("environments/aw8.yaml", """
                apiVersion: envforge.io/v1alpha1
                kind: Environment
                metadata:
                  name: aw8
                spec:
                  cloud: aws
                  network:
                    cidr: 10.42.0.0/20
                """);
        GenerateRequest request = GenerateRequest.builder(ws.root())
                .environments(List.of("az8", "aw8"))
                .schemas(TestWorkspace.SCHEMAS)
                .mode(GenerateRequest.Mode.WRITE)
                .build();
        Envforge.standard(ws.root()).generate(request);
        String azure = java.nio.file.Files.readString(ws.root().resolve("terraform/environments/az8/cluster.tf"));
        assertTrue(azure.contains("  node_vm_size        = \"Standard_D8s_v5\"\n"), azure);
        assertTrue(azure.contains("  node_count          = { min = 3, max = 9 }\n"), azure);
        String aws = java.nio.file.Files.readString(ws.root().resolve("terraform/environments/aw8/cluster.tf"));
        assertTrue(aws.contains("  node_instance_types = [\"m6i.xlarge\"]\n"), aws);
        assertTrue(aws.contains("  node_count          = { min = 2, desired = 2, max = 6 }\n"), aws);
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
