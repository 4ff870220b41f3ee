package io.envforge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.envforge.error.EnvforgeException;
import io.envforge.spec.PlatformSpec;
import io.envforge.spec.SpecReader;
import io.envforge.testing.LocalRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code envforge images pin} against a real OCI registry (go-containerregistry's, on 127.0.0.1): each layer's base
 * tag resolves to the digest the registry holds, lands in platform.yaml under the tag, and the file's comments stay.
 */
class ImagePinIT {

    @Test
    void basesArePinnedToTheRegistrysDigestsAndTheCommentsStay(@TempDir Path dir) throws Exception {
        assumeTrue(
                LocalRegistry.available(), "no " + LocalRegistry.BINARY + "; run tools/build-components.sh registry");
        try (LocalRegistry registry = new LocalRegistry(Files.createDirectories(dir.resolve("registry")))) {
            String am = registry.pushBase(
                    registry.host + "/wso2/wso2am:4.3.0", "/home/wso2carbon/wso2am-4.3.0/bin/api-manager.sh", "10001");
            String mi = registry.pushBase(
                    registry.host + "/wso2/wso2mi:4.3.0",
                    "/home/wso2carbon/wso2mi-4.3.0/bin/micro-integrator.sh",
                    "802");
            Scratch ws = Scratch.in(Files.createDirectories(dir.resolve("ws")));
            String before = ws.read("environments/platform.yaml")
                    .replace("repository: wso2/wso2am\n", "repository: " + registry.host + "/wso2/wso2am\n")
                    .replace("repository: wso2/wso2mi\n", "repository: " + registry.host + "/wso2/wso2mi\n");
            ws.write("environments/platform.yaml", before);

            List<ImagePin.Pinned> pinned = ImagePin.pin(ws.root(), true);

            assertEquals(
                    List.of(am, mi),
                    pinned.stream().map(ImagePin.Pinned::digest).toList());
            String after = ws.read("environments/platform.yaml");
            PlatformSpec spec = SpecReader.parsePlatform(after.getBytes());
            assertEquals(am, digest(spec, "api"));
            assertEquals(mi, digest(spec, "integration"));
            // Only the two digest lines were added: every other line, comments included, is unchanged.
            List<String> added = new java.util.ArrayList<>(after.lines().toList());
            before.lines().forEach(added::remove);
            assertEquals(List.of("          digest: " + am, "          digest: " + mi), added);
            assertTrue(after.startsWith(before.substring(0, before.indexOf("apiVersion:"))), "the header comments");

            // A second run after the tag moved replaces the digest line instead of adding one.
            String moved = registry.pushBase(
                    registry.host + "/wso2/wso2am:4.3.0", "/home/wso2carbon/wso2am-4.3.0/bin/other.sh", "10001");
            ImagePin.pin(ws.root(), true);
            String again = ws.read("environments/platform.yaml");
            assertEquals(moved, digest(SpecReader.parsePlatform(again.getBytes()), "api"));
            assertEquals(after.lines().count(), again.lines().count());
        }
    }

    @Test
    void aTagTheRegistryDoesNotHaveIsOneErrorNamingTheFile(@TempDir Path dir) throws Exception {
        assumeTrue(LocalRegistry.available(), "no " + LocalRegistry.BINARY);
        try (LocalRegistry registry = new LocalRegistry(Files.createDirectories(dir.resolve("registry")))) {
            Scratch ws = Scratch.in(Files.createDirectories(dir.resolve("ws")));
            String text = ws.read("environments/platform.yaml")
                    .replace("repository: wso2/wso2am\n", "repository: " + registry.host + "/wso2/wso2am\n");
            ws.write("environments/platform.yaml", text);
            EnvforgeException e = assertThrows(EnvforgeException.class, () -> ImagePin.pin(ws.root(), true));
            assertTrue(
                    e.getMessage().contains("environments/platform.yaml")
                            && e.getMessage().contains("spec.defaults.layers.api.image"),
                    e.getMessage());
            assertEquals(text, ws.read("environments/platform.yaml"), "nothing written");
        }
    }

    @SuppressWarnings("unchecked")
    private static Object digest(PlatformSpec spec, String layer) {
        Map<String, Object> layers =
                (Map<String, Object>) ((Map<String, Object>) spec.spec().get("defaults")).get("layers");
        return ((Map<String, Object>) ((Map<String, Object>) layers.get(layer)).get("image")).get("digest");
    }
}
