package io.envforge.maven;

import io.envforge.api.GenerateRequest;
import io.envforge.api.Publish;
import io.envforge.api.RunOptions;
import io.envforge.pipeline.Envforge;
import io.envforge.pipeline.PublishingRun;
import java.io.File;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn generate -Denv=dev1 -Dsubnet=10.20.0.0/20}: renders, validates, writes and commits environments. Maps
 * its parameters to a {@link GenerateRequest} and calls the core; nothing else.
 */
@Mojo(name = "generate", requiresProject = true, aggregator = true, threadSafe = true)
public class GenerateMojo extends RenderingMojo {

    /** Commit the generated paths with JGit: true (the default) or false. */
    @Parameter(property = "envforge.commit")
    String commit;

    /**
     * true: render every selected environment, even those whose inputs (spec, platform, charts, generator) did not
     * change.
     */
    @Parameter(property = "envforge.full")
    String full;

    /**
     * Push the commit: {@code branch} (to {@code envforge/<env>}, for a pull request) or {@code direct} (to the
     * target branch). Credentials come from {@code ENVFORGE_GIT_TOKEN} (HTTPS) or {@code ENVFORGE_GIT_SSH_KEY} (SSH).
     */
    @Parameter(property = "envforge.push")
    String push;

    /** Where to push: a configured remote's name, or the URL of a separate GitOps repository. */
    @Parameter(property = "envforge.remote", defaultValue = "origin")
    String remote;

    /** Where a separate GitOps repository is cloned (and kept between runs). */
    @Parameter(defaultValue = "${project.build.directory}/envforge-gitops", readonly = true)
    File gitopsClone;

    @Override
    public void execute() throws MojoFailureException {
        GenerateRequest request = request(
                Parameters.flag("envforge.commit", commit, true)
                        ? GenerateRequest.Mode.COMMIT
                        : GenerateRequest.Mode.WRITE,
                "generate");
        RunOptions options = new RunOptions(Parameters.flag("envforge.full", full, false), new LogProgress(getLog()));
        Optional<Publish> publish = push == null || push.isBlank()
                ? Optional.empty()
                : Optional.of(Publish.to(remote, Publish.Mode.parse("-Denvforge.push", push))
                        .withWorkDir(gitopsClone.toPath()));
        run(() -> {
            PublishingRun.Outcome outcome =
                    PublishingRun.generate(Envforge.standard(workspace.toPath()), request, options, publish);
            Reports.log(getLog(), outcome);
            return outcome.generation();
        });
    }
}
