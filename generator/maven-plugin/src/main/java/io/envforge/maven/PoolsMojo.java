package io.envforge.maven;

import io.envforge.pipeline.Pools;
import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code mvn envforge:pools}: size, prefix, used and free blocks of each address pool. */
@Mojo(name = "pools", requiresProject = true, aggregator = true, threadSafe = true)
public class PoolsMojo extends AbstractMojo {

    /** The GitOps repository's root. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File workspace;

    @Override
    public void execute() throws MojoFailureException {
        try {
            Pools.lines(workspace.toPath()).forEach(line -> getLog().info("envforge: pool " + line));
            Pools.warnings(workspace.toPath()).forEach(w -> getLog().warn(w.replaceFirst("^\\[WARNING\\] ", "")));
        } catch (RuntimeException e) {
            throw Mojos.failure(e, getLog());
        }
    }
}
