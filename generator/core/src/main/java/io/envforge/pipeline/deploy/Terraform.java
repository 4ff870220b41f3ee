package io.envforge.pipeline.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Terraform (or OpenTofu: the same CLI) commands of the pipeline, for one environment's roots. Every command runs
 * non-interactively ({@code -input=false}, {@code TF_IN_AUTOMATION}); commands that take the state lock wait for it
 * ({@code -lock-timeout}: the backend's own lock, an S3 lock file or an Azure blob lease, serialises runs on other
 * machines). Plan files go to the pipeline's work folder, never into the repository.
 */
final class Terraform {

    static final String TOOL = "terraform";

    private final ToolRunner runner;
    private final Path workspace;
    private final Path workDir;
    private final Map<String, String> stage2Env;
    private final String lockTimeout;

    /**
     * @param stage2Env variables stage 2 needs from the CI secret store ({@code TF_VAR_git_token}); values never
     *     logged
     */
    Terraform(ToolRunner runner, Path workspace, Path workDir, Map<String, String> stage2Env, String lockTimeout) {
        this.runner = runner;
        this.workspace = workspace;
        this.workDir = workDir;
        this.stage2Env = Map.copyOf(stage2Env);
        this.lockTimeout = lockTimeout;
    }

    Path root(String env, Stage stage) {
        return workspace.resolve(stage.root(env));
    }

    boolean exists(String env, Stage stage) {
        return Files.isDirectory(root(env, stage));
    }

    void init(String env, Stage stage, String step, Path log) {
        run(env, stage, step, log, "init", "-input=false", "-no-color");
    }

    /**
     * The resource addresses in the root's state, from {@code show -json} without a plan file (the state in Terraform's
     * JSON format, {@code values.root_module} and its {@code child_modules}); empty for a root never applied. Not
     * {@code state list}: that fails on a backend that holds no state yet ("No state file was found", OpenTofu 1.12).
     */
    List<String> stateList(String env, Stage stage, String step, Path log) {
        ToolRunner.Result r = call(env, stage, log, true, "show", "-json", "-no-color");
        if (!r.ok()) {
            throw new StepFailedException(env, step, stage.label() + ": terraform show exited " + r.exit(), log);
        }
        List<String> out = new ArrayList<>();
        try {
            addresses(new ObjectMapper().readTree(r.stdout()).path("values").path("root_module"), out);
        } catch (IOException e) {
            throw new StepFailedException(env, step, stage.label() + ": terraform show printed no JSON state", log);
        }
        return out;
    }

    private static void addresses(JsonNode module, List<String> out) {
        module.path("resources").forEach(r -> out.add(r.path("address").asText()));
        module.path("child_modules").forEach(m -> addresses(m, out));
    }

    /** Plans into the work folder and reads the plan back; {@code -detailed-exitcode} is used to tell drift. */
    PlanChanges plan(String env, Stage stage, String step, Path log, boolean destroy, List<String> vars) {
        Path planFile = planFile(env, stage);
        List<String> args = new ArrayList<>(
                List.of("plan", "-input=false", "-no-color", "-lock-timeout=" + lockTimeout, "-out=" + planFile));
        if (destroy) {
            args.add("-destroy");
        }
        vars.forEach(v -> args.addAll(List.of("-var", v)));
        ToolRunner.Result r = call(env, stage, log, false, args.toArray(String[]::new));
        if (!r.ok()) {
            throw new StepFailedException(env, step, stage.label() + ": terraform plan exited " + r.exit(), log);
        }
        return show(env, stage, step, log);
    }

    /** {@code plan -detailed-exitcode -lock=false}: 0 in sync, 2 differs (the changes), 1 failed. */
    PlanChanges drift(String env, Stage stage, String step, Path log) {
        ToolRunner.Result r = call(
                env,
                stage,
                log,
                false,
                "plan",
                "-input=false",
                "-no-color",
                "-lock=false",
                "-detailed-exitcode",
                "-out=" + planFile(env, stage));
        if (r.exit() == 0) {
            return new PlanChanges(List.of());
        }
        if (r.exit() != 2) {
            throw new StepFailedException(env, step, stage.label() + ": terraform plan exited " + r.exit(), log);
        }
        return show(env, stage, step, log);
    }

    void apply(String env, Stage stage, String step, Path log) {
        run(
                env,
                stage,
                step,
                log,
                "apply",
                "-input=false",
                "-no-color",
                "-lock-timeout=" + lockTimeout,
                planFile(env, stage).toString());
    }

    /** The root's outputs ({@code output -json}), values included: callers keep only what they need. */
    JsonNode outputs(String env, Stage stage, String step, Path log) {
        ToolRunner.Result r = call(env, stage, log, true, "output", "-json", "-no-color");
        if (!r.ok()) {
            throw new StepFailedException(env, step, stage.label() + ": terraform output exited " + r.exit(), log);
        }
        try {
            return new ObjectMapper().readTree(r.stdout());
        } catch (IOException e) {
            throw new StepFailedException(env, step, stage.label() + ": terraform output printed no JSON", log);
        }
    }

    private PlanChanges show(String env, Stage stage, String step, Path log) {
        ToolRunner.Result r = call(
                env,
                stage,
                log,
                true,
                "show",
                "-json",
                "-no-color",
                planFile(env, stage).toString());
        if (!r.ok()) {
            throw new StepFailedException(env, step, stage.label() + ": terraform show exited " + r.exit(), log);
        }
        try {
            return PlanChanges.parse(r.stdout());
        } catch (RuntimeException e) {
            throw new StepFailedException(env, step, stage.label() + ": " + e.getMessage(), log);
        }
    }

    private Path planFile(String env, Stage stage) {
        return workDir.resolve(env)
                .resolve(stage.name().toLowerCase() + ".tfplan")
                .toAbsolutePath();
    }

    private void run(String env, Stage stage, String step, Path log, String... args) {
        ToolRunner.Result r = call(env, stage, log, false, args);
        if (!r.ok()) {
            throw new StepFailedException(
                    env, step, stage.label() + ": terraform " + args[0] + " exited " + r.exit(), log);
        }
    }

    private ToolRunner.Result call(String env, Stage stage, Path log, boolean capture, String... args) {
        // TF_IN_AUTOMATION and TF_INPUT: Terraform's documented automation variables (docs: "Running Terraform in
        // automation", "Environment Variables").
        Map<String, String> vars = new HashMap<>(Map.of("TF_IN_AUTOMATION", "1", "TF_INPUT", "0"));
        if (stage == Stage.STAGE2) {
            vars.putAll(stage2Env);
        }
        try {
            Files.createDirectories(workDir.resolve(env));
        } catch (IOException e) {
            throw new StepFailedException(env, "work folder", e.getMessage(), log);
        }
        return runner.run(TOOL, Arrays.asList(args), root(env, stage), vars, log, capture);
    }
}
