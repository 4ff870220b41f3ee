package io.envforge.pipeline.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The recording stand-in ({@code src/test/resources/standin/tool}) installed as terraform, kubectl, aws, az and
 * kubelogin in a folder that the pipeline's environment puts first on PATH, and its recorded calls.
 */
final class StandIn {

    static final String SECRET = "s3cr3t-canned-password";

    final Path bin;
    final Path record;
    final Path state;
    final Map<String, String> env = new HashMap<>();

    StandIn(Path dir) throws IOException {
        bin = Files.createDirectories(dir.resolve("bin"));
        state = Files.createDirectories(dir.resolve("state"));
        record = dir.resolve("calls.jsonl");
        Files.writeString(record, "");
        for (String tool : List.of("terraform", "kubectl", "aws", "az", "kubelogin")) {
            try (InputStream in = StandIn.class.getResourceAsStream("/standin/tool")) {
                Files.copy(in, bin.resolve(tool), StandardCopyOption.REPLACE_EXISTING);
            }
            bin.resolve(tool).toFile().setExecutable(true);
        }
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        env.put("HOME", dir.toString());
        env.put("STANDIN_RECORD", record.toString());
        env.put("STANDIN_STATE", state.toString());
    }

    ToolRunner runner() {
        return new ProcessToolRunner(Map.of(), env);
    }

    /** A recorded call. */
    record Call(String tool, List<String> args, String cwd, List<String> envNames) {

        /** {@code terraform plan} → "plan"; other tools: their first argument that is no flag or flag value. */
        String sub() {
            return args.stream().filter(a -> !a.startsWith("-")).findFirst().orElse("");
        }

        String line() {
            return tool + " " + String.join(" ", args);
        }
    }

    /** Every call since {@link #clear}, in order. */
    List<Call> calls() {
        try {
            List<Call> out = new ArrayList<>();
            ObjectMapper json = new ObjectMapper();
            for (String line : Files.readAllLines(record)) {
                JsonNode n = json.readTree(line);
                List<String> args = new ArrayList<>();
                n.get("args").forEach(a -> args.add(a.asText()));
                List<String> names = new ArrayList<>();
                n.get("env").forEach(a -> names.add(a.asText()));
                out.add(new Call(n.get("tool").asText(), args, n.get("cwd").asText(), names));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void clear() {
        try {
            Files.writeString(record, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
