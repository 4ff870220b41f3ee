package io.envforge.maven;

import io.envforge.pipeline.Envforge;
import io.envforge.api.RemoveRequest;
import io.envforge.api.RemoveResult;
import java.io.File;
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
    @Parameter(property = "env", required = true)
    String env;

    /** The environment's name again, or {@code true}: the deliberate confirmation. */
    @Parameter(property = "confirm")
    String confirm;

    /** Commit the removal with JGit. */
    @Parameter(property = "envforge.commit", defaultValue = "true")
    boolean commit;

    /** Where the Markdown summary goes (outside the GitOps tree). */
    @Parameter(property = "envforge.summary", defaultValue = "${project.build.directory}/envforge-summary.md")
    File summary;

    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File workspace;

    @Override
    public void execute() throws MojoFailureException {
        RemoveResult result;
        try {
            result = Envforge.standard(workspace.toPath())
                    .remove(new RemoveRequest(workspace.toPath(), env, Optional.ofNullable(confirm), commit));
        } catch (RuntimeException e) {
            throw Mojos.failure(e, getLog());
        }
        result.listing().lines().forEach(getLog()::info);
        SummaryFile.write(summary, result.listing(), getLog());
        if (!result.removed()) {
            throw new MojoFailureException("environment " + env + " was not removed: nothing changed. Removing it"
                    + " deletes the files listed above; confirm with -Dconfirm=" + env);
        }
        getLog().info(result.commit().map(c -> "envforge: committed " + c).orElse("envforge: nothing committed"));
    }
}
