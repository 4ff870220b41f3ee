package io.envforge.cli;

import io.envforge.api.GenerateRequest;
import io.envforge.api.GenerateResult;
import io.envforge.api.Publish;
import io.envforge.api.RunOptions;
import io.envforge.pipeline.Envforge;
import io.envforge.pipeline.PublishingRun;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code envforge generate --env dev1 --subnet 10.20.0.0/20}. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Render, validate, write, commit and (with --push) push environments.")
final class GenerateCommand implements Callable<Integer> {

    @Mixin
    RenderOptions rendering;

    @Option(names = "--no-commit", negatable = false, description = "Write files but do not commit.")
    boolean noCommit;

    @Option(
            names = "--timings",
            description = "Print milliseconds per step: phases (wall clock) and render steps"
                    + " (summed over environments, so over the wall clock when they run in parallel).")
    boolean timings;

    @Option(names = "--full", description = "Render every selected environment, even those with unchanged inputs.")
    boolean full;

    @Option(
            names = "--push",
            description =
                    "Push the commit: branch (to envforge/<env>, for a pull request) or"
                            + " direct (to the target branch). Credentials: ENVFORGE_GIT_TOKEN (HTTPS), ENVFORGE_GIT_SSH_KEY (SSH).")
    String push;

    @Option(
            names = "--remote",
            defaultValue = "origin",
            description = "Where to push: a remote's name or the URL of a separate GitOps repository.")
    String remote;

    @Option(
            names = "--clone-dir",
            description = "Where a separate GitOps repository is cloned; a temporary folder" + " when unset.")
    Path cloneDir;

    @Override
    public Integer call() {
        return rendering.run(() -> {
            GenerateRequest request =
                    rendering.request(noCommit ? GenerateRequest.Mode.WRITE : GenerateRequest.Mode.COMMIT);
            RunOptions options = new RunOptions(full, ConsoleProgress.forThisProcess());
            Optional<Publish> publish = push == null
                    ? Optional.empty()
                    : Optional.of(Publish.to(remote, Publish.Mode.parse("--push", push))
                            .withWorkDir(cloneDir));
            PublishingRun.Outcome outcome =
                    PublishingRun.generate(Envforge.standard(request.workspace()), request, options, publish);
            GenerateResult result = outcome.generation();
            result.findingLines().forEach(System.out::println);
            if (timings) {
                result.timings().forEach((step, ms) -> System.out.println("envforge: time " + step + " " + ms + " ms"));
            }
            outcome.lines().forEach(System.out::println);
            return result;
        });
    }
}
