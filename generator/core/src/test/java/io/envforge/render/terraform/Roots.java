package io.envforge.render.terraform;

import io.envforge.TestWorkspace;
import io.envforge.api.GenerateRequest;
import io.envforge.pipeline.Envforge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * One generated workspace per JVM holding an AWS environment (dev1, the repository's spec), an Azure one (tst2,
 * the golden case's spec) and a second AWS one in another region with two secrets rotated (use1), with the
 * repository's {@code terraform/modules} and {@code terraform/examples} beside the generated roots so that their
 * relative module sources resolve.
 */
final class Roots {

    static final String AWS = "dev1";
    static final String AZURE = "tst2";
    /** A second AWS VPN environment, in another region than the state bucket's. */
    static final String AWS_OTHER_REGION = "use1";

    private static Path workspace;

    private Roots() {}

    static synchronized Path workspace() {
        if (workspace == null) {
            workspace = generate();
        }
        return workspace;
    }

    static Path root(String env) {
        return workspace().resolve("terraform/environments").resolve(env);
    }

    static Path overlay(String env) {
        return workspace().resolve("overlays").resolve(env);
    }

    static Path modules() {
        return workspace().resolve("terraform/modules");
    }

    private static Path generate() {
        try {
            Path dir = Files.createTempDirectory("envforge-terraform");
            TestWorkspace ws = TestWorkspace.create(dir);
            Path golden = Path.of("src/test/resources/golden");
            ws.write(
                    "environments/dev1.yaml",
                    Files.readString(golden.resolve("aws-dev1/input/environments/dev1.yaml")));
            ws.write(
                    "environments/tst2.yaml",
                    Files.readString(golden.resolve("azure-tst2/input/environments/tst2.yaml")));
            ws.write("environments/use1.yaml", """
                    apiVersion: envforge.io/v1alpha1
                    kind: Environment
                    metadata:
                      name: use1
                    spec:
                      cloud: aws
                      region: us-east-1
                      network:
                        cidr: 10.30.0.0/20
                      observability:
                        logRetentionDays: 365
                      secrets:
                        rotation:
                          api:
                            admin: 2
                        encryptionKey:
                          integration: 3
                    """);
            GenerateRequest request = GenerateRequest.builder(ws.root())
                    .environments(List.of("all"))
                    .schemas(TestWorkspace.SCHEMAS)
                    .mode(GenerateRequest.Mode.WRITE)
                    .build();
            Envforge.standard(ws.root()).generate(request);
            copyTree(TestWorkspace.REPO.resolve("terraform/modules"), dir.resolve("terraform/modules"));
            copyTree(TestWorkspace.REPO.resolve("terraform/examples"), dir.resolve("terraform/examples"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
