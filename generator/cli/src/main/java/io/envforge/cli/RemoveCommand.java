package io.envforge.cli;

import io.envforge.pipeline.Envforge;
import io.envforge.api.RemoveRequest;
import io.envforge.api.RemoveResult;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code envforge remove --env dev2 --confirm dev2}: decommissions one environment; unconfirmed it only lists. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Remove every file of one environment and commit; without --confirm only list them (exit 1).")
final class RemoveCommand implements Callable<Integer> {

    @Option(names = "--env", required = true, description = "The one environment to remove.")
    String environment;

    @Option(names = "--confirm", description = "The environment's name again, or true.")
    String confirm;

    @Option(names = "--no-commit", negatable = false, description = "Delete the files but do not commit.")
    boolean noCommit;

    @Option(names = "--workspace", defaultValue = ".", description = "The GitOps repository's root.")
    Path workspace;

    @Override
    public Integer call() {
        try {
            RemoveResult result = Envforge.standard(workspace).remove(new RemoveRequest(
                    workspace.toAbsolutePath().normalize(), environment, Optional.ofNullable(confirm), !noCommit));
            System.out.print(result.listing());
            if (!result.removed()) {
                System.err.println("[ERROR] environment " + environment + " was not removed: nothing changed."
                        + " Confirm with --confirm " + environment);
                return 1;
            }
            System.out.println(result.commit().map(c -> "envforge: committed " + c)
                    .orElse("envforge: nothing committed"));
            return 0;
        } catch (RuntimeException e) {
            return Main.failed(e);
        }
    }
}
