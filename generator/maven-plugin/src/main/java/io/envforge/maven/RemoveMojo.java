package io.envforge.maven;

import io.envforge.api.RemoveRequest;
import io.envforge.api.RemoveResult;
import io.envforge.api.StateProbe;
import io.envforge.pipeline.Envforge;
import io.envforge.pipeline.deploy.ProcessToolRunner;
import io.envforge.pipeline.deploy.TerraformStateProbe;
import java.io.File;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn envforge:remove -Denv=dev2 -Dconfirm=dev2}: decommissions one environment. Without the confirmation it
 * lists every file that would go and fails, having changed nothing.
 */
@Mojo(name = "remove", requiresProject = true, aggregator = true, threadSafe = true)
public class RemoveMojo extends AbstractMojo {

    /** The one environment to remove. */
    @Parameter(property = "env")
    String env;

    /** The environment's name again, or {@code true}: the deliberate confirmation. */
    @Parameter(property = "confirm")
    String confirm;

    /** Commit the removal with JGit. */
    @Parameter(property = "envforge.commit")
    String commit;

    /** Where the Markdown summary goes (outside the GitOps tree). */
    @Parameter(property = "envforge.summary", defaultValue = "${project.build.directory}/envforge-summary.md")
    File summary;

    /** The Terraform CLI whose state list tells whether the environment is live: terraform or tofu. */
    @Parameter(property = "envforge.terraform", defaultValue = "terraform")
    String terraform;

    /** Skip the live-state check: only for an environment that was never applied. */
    @Parameter(property = "envforge.noStateCheck", defaultValue = "false")
    boolean noStateCheck;

    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File workspace;

    @Override
    public void execute() throws MojoFailureException {
        String name = Parameters.oneEnv(env, "envforge:remove");
        boolean commitIt = Parameters.flag("envforge.commit", commit, true);
        RemoveResult result;
        try {
            StateProbe state = noStateCheck
                    ? StateProbe.NOT_CHECKED
                    : new TerraformStateProbe(
                            new ProcessToolRunner(Map.of("terraform", terraform), System.getenv()),
                            workspace.toPath(),
                            workspace.toPath().resolve("target/envforge-pipeline"));
            result = Envforge.standard(workspace.toPath())
                    .remove(new RemoveRequest(workspace.toPath(), name, Optional.ofNullable(confirm), commitIt, state));
        } catch (RuntimeException e) {
            throw Mojos.failure(e, getLog());
        }
        result.listing().lines().forEach(getLog()::info);
        SummaryFile.write(summary, result.listing(), getLog());
        if (result.marked()) {
            getLog().info(result.commit()
                    .map(c -> "envforge: committed the decommission marker " + c)
                    .orElse("envforge: marked for decommission"));
            return;
        }
        if (!result.removed()) {
            throw new MojoFailureException("environment " + env + " was not removed: nothing changed. Removing it"
                    + " deletes the files listed above; confirm with -Dconfirm=" + env);
        }
        getLog().info(result.commit().map(c -> "envforge: committed " + c).orElse("envforge: nothing committed"));
    }
}
