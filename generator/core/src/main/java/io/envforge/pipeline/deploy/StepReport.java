package io.envforge.pipeline.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The pipeline's record of its steps, {@code <work>/report.json}: for one Git revision, per environment, each step's
 * status ({@code ok} or {@code failed}), its detail and its log file. Rewritten after every step. A re-run of the
 * same revision skips the steps recorded {@code ok} (they are idempotent anyway: an apply of an applied root changes
 * nothing) and resumes at the first one that did not finish.
 */
final class StepReport {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final Path file;
    private final ObjectNode root;

    private StepReport(Path file, ObjectNode root) {
        this.file = file;
        this.root = root;
    }

    /** The report of {@code revision}: the one on disk if it is of the same revision and resuming, else a new one. */
    static StepReport open(Path file, String command, String revision, boolean resume) {
        if (resume && Files.isRegularFile(file)) {
            try {
                JsonNode old = JSON.readTree(file.toFile());
                if (old instanceof ObjectNode o
                        && revision.equals(o.path("revision").asText())
                        && command.equals(o.path("command").asText())) {
                    return new StepReport(file, o);
                }
            } catch (IOException e) {
                // unreadable: start over, every step is idempotent
            }
        }
        ObjectNode root = JSON.createObjectNode().put("command", command).put("revision", revision);
        root.putObject("environments");
        return new StepReport(file, root);
    }

    /** True when {@code step} of {@code env} is recorded ok. */
    synchronized boolean done(String env, String step) {
        return "ok"
                .equals(root.path("environments")
                        .path(env)
                        .path(step)
                        .path("status")
                        .asText());
    }

    synchronized Optional<String> detail(String env, String step) {
        JsonNode d = root.path("environments").path(env).path(step).path("detail");
        return d.isMissingNode() ? Optional.empty() : Optional.of(d.asText());
    }

    synchronized void record(String env, String step, boolean ok, String detail, Path log) {
        ObjectNode envNode = ((ObjectNode) root.get("environments")).has(env)
                ? (ObjectNode) root.get("environments").get(env)
                : ((ObjectNode) root.get("environments")).putObject(env);
        envNode.putObject(step)
                .put("status", ok ? "ok" : "failed")
                .put("detail", detail)
                .put("log", log.toString());
        save();
    }

    /** The report as a Markdown table: environment, step, status, detail. */
    synchronized String markdown() {
        StringBuilder out = new StringBuilder("| environment | step | status | detail |\n|---|---|---|---|\n");
        root.path("environments")
                .fields()
                .forEachRemaining(env -> env.getValue()
                        .fields()
                        .forEachRemaining(step -> out.append("| ")
                                .append(env.getKey())
                                .append(" | ")
                                .append(step.getKey())
                                .append(" | ")
                                .append(step.getValue().path("status").asText())
                                .append(" | ")
                                .append(step.getValue().path("detail").asText().replace("|", "\\|"))
                                .append(" |\n")));
        return out.toString();
    }

    private void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), root);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
