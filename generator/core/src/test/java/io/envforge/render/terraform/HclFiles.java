package io.envforge.render.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.envforge.TestWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Strict HCL parsing with HashiCorp's own parser: {@code tools/hcl/hcl2json-many.js} (npm {@code @cdktf/hcl2json},
 * WASM) converts many files in one Node process to Terraform-style JSON.
 */
final class HclFiles {

    static final Path TOOL = TestWorkspace.REPO.resolve("tools/hcl");

    private HclFiles() {}

    /** Every {@code .tf} file under {@code dirs}, sorted. */
    static List<Path> under(Path... dirs) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path dir : dirs) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(p -> p.toString().endsWith(".tf")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    /** Parses {@code files}; a file that does not parse fails with HCL's own diagnostic. */
    static Map<Path, JsonNode> parse(List<Path> files) throws IOException, InterruptedException {
        if (!Files.isDirectory(TOOL.resolve("node_modules/@cdktf/hcl2json"))) {
            throw new IllegalStateException("the HCL parser is not installed; run: npm ci --prefix tools/hcl");
        }
        List<String> command =
                new ArrayList<>(List.of("node", TOOL.resolve("hcl2json-many.js").toString()));
        files.forEach(f -> command.add(f.toAbsolutePath().toString()));
        Path out = Files.createTempFile("hcl2json", ".json");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("hcl2json-many.js failed: " + command);
            }
            JsonNode all = new ObjectMapper().readTree(out.toFile());
            Map<Path, JsonNode> parsed = new TreeMap<>();
            List<String> errors = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().has("error")) {
                    errors.add(e.getValue().get("error").asText());
                } else {
                    parsed.put(Path.of(e.getKey()), e.getValue().get("json"));
                }
            }
            if (!errors.isEmpty()) {
                throw new IllegalStateException("HCL does not parse:\n" + String.join("\n", errors));
            }
            return parsed;
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
