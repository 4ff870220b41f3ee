package io.envforge.maven;

import io.envforge.pipeline.ImagePin;
import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn envforge:images-pin}: each layer's base image tag in {@code environments/platform.yaml} resolved to its
 * registry digest and written there ({@code spec.defaults.layers.<layer>.image.digest}).
 */
@Mojo(name = "images-pin", requiresProject = true, aggregator = true, threadSafe = true)
public class ImagesPinMojo extends AbstractMojo {

    /** The GitOps repository's root. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File workspace;

    /** Allow a plain-HTTP registry. */
    @Parameter(property = "envforge.insecureRegistry", defaultValue = "false")
    boolean insecure;

    @Override
    public void execute() throws MojoFailureException {
        try {
            for (ImagePin.Pinned p : ImagePin.pin(workspace.toPath(), insecure)) {
                getLog().info("envforge: pinned " + p.layer() + " " + p.reference() + "@" + p.digest());
            }
        } catch (RuntimeException e) {
            throw Mojos.failure(e, getLog());
        }
    }
}
