package io.envforge.render.flux;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.envforge.TestWorkspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Flux's own code, run from {@code tools/flux-health} (a Go module that requires kustomize-controller's API and
 * {@code fluxcd/pkg/runtime/cel}, built once per JVM with the Go toolchain), and {@code kubectl kustomize}.
 */
final class FluxTools {

    private static final Path MODULE = TestWorkspace.REPO.resolve("tools/flux-health");
    private static final Path BINARY = Path.of(System.getProperty(
                    "envforge.tools.bin", System.getProperty("user.home") + "/.cache/envforge/tools/bin"))
            .resolve("flux-health");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean built;

    private FluxTools() {}

    /** kustomize-controller's verdict per object: kind, name, reader (cel or kstatus), status, error, prunable. */
    static List<Map<String, Object>> health(Object healthCheckExprs, List<Map<String, Object>> objects)
            throws IOException, InterruptedException {
        build();
        byte[] input = JSON.writeValueAsBytes(Map.of(
                "healthCheckExprs", healthCheckExprs == null ? List.of() : healthCheckExprs, "objects", objects));
        String out = run(input, BINARY.toString());
        return JSON.readValue(out, new TypeReference<>() {});
    }

    static String kustomize(Path dir) throws IOException, InterruptedException {
        return run(new byte[0], "kubectl", "kustomize", dir.toString());
    }

    /** The folder of a Go module version, downloaded through the module proxy (its {@code Dir}). */
    static Path goModule(String module) throws IOException, InterruptedException {
        String out = run(new byte[0], "go", "mod", "download", "-json", module);
        return Path.of((String) JSON.readValue(out, Map.class).get("Dir"));
    }

    private static synchronized void build() throws IOException, InterruptedException {
        if (!built) {
            Files.createDirectories(BINARY.getParent());
            ProcessBuilder pb = new ProcessBuilder("go", "build", "-o", BINARY.toString(), ".")
                    .directory(MODULE.toFile())
                    .redirectErrorStream(true);
            Process p = pb.start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(900, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("go build of tools/flux-health failed:\n" + log);
            }
            built = true;
        }
    }

    private static String run(byte[] stdin, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (var in = p.getOutputStream()) {
            in.write(stdin);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }
}
