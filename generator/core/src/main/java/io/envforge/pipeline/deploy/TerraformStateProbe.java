package io.envforge.pipeline.deploy;

import io.envforge.api.StateProbe;
import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code terraform init} + {@code terraform state list} on each of the environment's roots that exist, through the
 * pipeline's tool runner: the check {@code remove} runs before it drops a Terraform root. A root whose state cannot
 * be read counts as unknown, and unknown is refused: the files stay.
 */
public final class TerraformStateProbe implements StateProbe {

    private final Terraform terraform;
    private final Path workDir;

    public TerraformStateProbe(ToolRunner runner, Path workspace, Path workDir) {
        this.terraform = new Terraform(runner, workspace, workDir, java.util.Map.of(), "0s");
        this.workDir = workDir;
    }

    @Override
    public SortedMap<String, List<String>> live(String env) {
        SortedMap<String, List<String>> out = new TreeMap<>();
        Path log = workDir.resolve(env).resolve("state-check.log");
        for (Stage stage : Stage.values()) {
            if (!terraform.exists(env, stage)) {
                continue;
            }
            try {
                terraform.init(env, stage, "state check", log);
                List<String> resources = terraform.stateList(env, stage, "state check", log).stream()
                        .filter(a -> !a.startsWith("data.") && !a.contains(".data."))
                        .toList();
                if (!resources.isEmpty()) {
                    out.put(stage.root(env), resources);
                }
            } catch (StepFailedException e) {
                throw new EnvforgeException(new Problem(
                        stage.root(env),
                        "",
                        null,
                        "cannot read the Terraform state"
                                + " (" + e.getMessage() + "), so it is not known whether " + env + " still has cloud"
                                + " resources; its files are kept",
                        "run where the state backend is reachable with the"
                                + " pipeline's credentials, or pass --no-state-check only if " + env
                                + " was never applied"));
            }
        }
        return out;
    }
}
