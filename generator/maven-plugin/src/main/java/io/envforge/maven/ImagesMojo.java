package io.envforge.maven;

import io.envforge.image.DriverJar;
import io.envforge.pipeline.Images;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn envforge:images -Denv=dev1 -Dregistry=...}: each layer's product image (pinned base + JDBC driver),
 * pushed; the digests go into {@code environments/<env>.yaml} for the next {@code generate}.
 */
@Mojo(name = "images", requiresProject = true, aggregator = true, threadSafe = true)
public class ImagesMojo extends AbstractMojo {

    /** The GitOps repository's root. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File workspace;

    /** The environment. */
    @Parameter(property = "env", required = true)
    String env;

    /** Registry and prefix to push to. */
    @Parameter(property = "registry", required = true)
    String registry;

    /** Where the driver jar comes from. */
    @Parameter(property = "envforge.mavenRepository")
    String mavenRepository;

    /** Allow a plain-HTTP registry. */
    @Parameter(property = "envforge.insecureRegistry", defaultValue = "false")
    boolean insecure;

    @Override
    public void execute() throws MojoFailureException {
        try {
            URI repo = mavenRepository == null ? DriverJar.CENTRAL : URI.create(mavenRepository);
            Path cache = Path.of(System.getProperty("user.home"), ".cache", "envforge", "images");
            for (Images.Built b :
                    Images.build(new Images.Request(workspace.toPath(), env, registry, repo, insecure, cache))) {
                getLog().info("envforge: image " + b.layer() + " " + b.repository() + ":" + b.tag() + "@" + b.digest());
            }
        } catch (RuntimeException e) {
            throw Mojos.failure(e, getLog());
        }
    }
}
