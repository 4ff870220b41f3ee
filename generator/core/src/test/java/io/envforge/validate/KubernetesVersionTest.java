package io.envforge.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.TestWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The manifests are validated against the Kubernetes version the clusters run: the generated Terraform root's
 * {@code module "cluster"} (golden trees, one per cloud) pins {@code kubernetes_version} or keeps the default of the
 * module it names, and that minor version is the one of the bundled schemas.
 */
class KubernetesVersionTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Pattern SOURCE = Pattern.compile("(?m)^\\s*source\\s*=\\s*\"\\.\\./\\.\\./(modules/[^\"]+)\"");
    private static final Pattern PINNED = Pattern.compile("(?m)^\\s*kubernetes_version\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern DEFAULT =
            Pattern.compile("variable \"kubernetes_version\" \\{[^}]*?\\bdefault\\s*=\\s*\"([^\"]+)\"", Pattern.DOTALL);

    @ParameterizedTest(name = "{0}")
    @CsvSource({"aws-dev1/expected/terraform/environments/dev1", "azure-tst2/expected/terraform/environments/tst2"})
    void theBundledSchemasAreTheClustersKubernetesVersion(String root) throws IOException {
        String cluster = Files.readString(GOLDEN.resolve(root).resolve("cluster.tf"));
        Matcher source = SOURCE.matcher(cluster);
        assertTrue(source.find(), "no module source in " + root + "/cluster.tf");
        Matcher pinned = PINNED.matcher(cluster);
        String version;
        if (pinned.find()) {
            version = pinned.group(1);
        } else {
            String variables = Files.readString(TestWorkspace.REPO
                    .resolve("terraform")
                    .resolve(source.group(1))
                    .resolve("variables.tf"));
            Matcher def = DEFAULT.matcher(variables);
            assertTrue(def.find(), "no kubernetes_version default in " + source.group(1) + "/variables.tf");
            version = def.group(1);
        }
        assertEquals(version, minor(KubernetesSchemas.VERSION), KubernetesSchemas.LABEL);
        assertTrue(KubernetesSchemas.LABEL.startsWith("Kubernetes " + version + "."), KubernetesSchemas.LABEL);
    }

    private static String minor(String version) {
        String[] parts = version.split("\\.");
        return parts[0] + "." + parts[1];
    }
}
