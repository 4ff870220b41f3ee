package io.envforge.cli;

import io.envforge.api.RemoveRequest;
import io.envforge.api.RemoveResult;
import io.envforge.api.StateProbe;
import io.envforge.pipeline.Envforge;
import io.envforge.pipeline.deploy.ProcessToolRunner;
import io.envforge.pipeline.deploy.TerraformStateProbe;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code envforge remove --env dev2 --confirm dev2}: decommissions one environment; unconfirmed it only lists. */
@Command(
        name = "remove",
        mixinStandardHelpOptions = true,
        description = "Remove every file of one environment and commit; without --confirm only list them (exit 1)."
                + " A live environment (its Terraform state holds resources) is marked for decommission instead:"
                + " the pipeline destroys it on merge, then removes the files.")
final class RemoveCommand implements Callable<Integer> {

    @Option(names = "--env", required = true, description = "The one environment to remove.")
    String environment;

    @Option(names = "--confirm", description = "The environment's name again, or true.")
    String confirm;

    @Option(names = "--no-commit", negatable = false, description = "Delete the files but do not commit.")
    boolean noCommit;

    @Option(names = "--workspace", defaultValue = ".", description = "The GitOps repository's root.")
    Path workspace;

    @Option(
            names = "--terraform",
            defaultValue = "${env:ENVFORGE_TERRAFORM:-terraform}",
            description = "The Terraform CLI whose state list tells whether the environment is live (terraform or"
                    + " tofu; ENVFORGE_TERRAFORM).")
    String terraform;

    @Option(
            names = "--no-state-check",
            description = "Do not ask Terraform whether the environment still has"
                    + " resources: only for an environment that was never applied.")
    boolean noStateCheck;

    @Override
    public Integer call() {
        try {
            Path ws = workspace.toAbsolutePath().normalize();
            StateProbe state = noStateCheck
                    ? StateProbe.NOT_CHECKED
                    : new TerraformStateProbe(
                            new ProcessToolRunner(Map.of("terraform", terraform), System.getenv()),
                            ws,
                            ws.resolve("target/envforge-pipeline"));
            RemoveResult result = Envforge.standard(workspace)
                    .remove(new RemoveRequest(ws, environment, Optional.ofNullable(confirm), !noCommit, state));
            System.out.print(result.listing());
            if (result.marked()) {
                System.out.println(result.commit()
                        .map(c -> "envforge: committed the decommission marker " + c
                                + "; push it for review: the pipeline plans the destroy")
                        .orElse("envforge: marked"));
                return 0;
            }
            if (!result.removed()) {
                System.err.println("[ERROR] environment " + environment + " was not removed: nothing changed."
                        + " Confirm with --confirm " + environment);
                return 1;
            }
            System.out.println(
                    result.commit().map(c -> "envforge: committed " + c).orElse("envforge: nothing committed"));
            return 0;
        } catch (RuntimeException e) {
            return Main.failed(e);
        }
    }
}
