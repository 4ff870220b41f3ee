package io.envforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.envforge.TestWorkspace;
import io.envforge.testing.LocalRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code envforge images pin} on the command line, against a real OCI registry on 127.0.0.1. */
class ImagesPinCommandIT {

    @Test
    void pinWritesTheRegistrysDigestsIntoPlatformYaml(@TempDir Path temp) throws Exception {
        assumeTrue(
                LocalRegistry.available(), "no " + LocalRegistry.BINARY + "; run tools/build-components.sh registry");
        try (LocalRegistry registry = new LocalRegistry(Files.createDirectories(temp.resolve("registry")))) {
            String am = registry.pushBase(
                    registry.host + "/wso2/wso2am:4.3.0", "/home/wso2carbon/wso2am-4.3.0/bin/api-manager.sh", "10001");
            String mi = registry.pushBase(
                    registry.host + "/wso2/wso2mi:4.3.0",
                    "/home/wso2carbon/wso2mi-4.3.0/bin/micro-integrator.sh",
                    "802");
            TestWorkspace ws = TestWorkspace.create(Files.createDirectories(temp.resolve("ws")));
            Path platform = ws.root().resolve("environments/platform.yaml");
            Files.writeString(
                    platform,
                    Files.readString(platform).replace("repository: wso2/", "repository: " + registry.host + "/wso2/"));

            PrintStream old = System.out;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code;
            try {
                System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
                code = Main.run("images", "pin", "--workspace", ws.root().toString(), "--insecure-registry");
            } finally {
                System.setOut(old);
            }
            assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
            String text = Files.readString(platform);
            assertTrue(text.contains("          digest: " + am) && text.contains("          digest: " + mi), text);
            assertTrue(
                    out.toString(StandardCharsets.UTF_8).contains("images pin: api " + registry.host), out.toString());
        }
    }
}
