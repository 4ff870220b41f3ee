package io.envforge.cli;

import io.envforge.image.DriverJar;
import io.envforge.pipeline.Images;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code envforge images}: product images with the JDBC driver, pushed; their digests into the environment's spec. */
@Command(
        name = "images",
        mixinStandardHelpOptions = true,
        subcommands = ImagesPinCommand.class,
        description = "Build each layer's product image (pinned base + JDBC driver), push it to the registry and "
                + "record its digest in environments/<env>.yaml; with spec.defaults.preparation.base pinned, also the "
                + "preparation Job's Ansible runner (tools/ansible-runner/lock.yaml, ansible/); then run generate.")
final class ImagesCommand implements Callable<Integer> {

    @Option(names = "--workspace", defaultValue = ".", description = "The GitOps repository's root.")
    Path workspace;

    // Not picocli-required: `images pin` would then need them too. call() checks them.
    @Option(names = "--env", description = "The environment (required).")
    String env;

    @Option(
            names = "--registry",
            description = "Registry and prefix to push to, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com/envforge.")
    String registry;

    @Option(names = "--maven-repository", description = "Where the driver jar comes from (default Maven Central).")
    URI mavenRepository = DriverJar.CENTRAL;

    @Option(names = "--insecure-registry", description = "Allow a plain-HTTP registry.")
    boolean insecure;

    @Option(names = "--cache", description = "Jar and layer cache (default ~/.cache/envforge/images).")
    Path cache = Path.of(System.getProperty("user.home"), ".cache", "envforge", "images");

    @Override
    public Integer call() {
        if (env == null || registry == null) {
            System.err.println("envforge images: --env and --registry are required (or run: envforge images pin)");
            return 2;
        }
        try {
            for (Images.Built b : Images.build(new Images.Request(
                    workspace.toAbsolutePath().normalize(), env, registry, mavenRepository, insecure, cache))) {
                System.out.println("images: " + b.layer() + " " + b.repository() + ":" + b.tag() + "@" + b.digest()
                        + " (on " + b.base() + ")");
            }
            return 0;
        } catch (RuntimeException e) {
            return Main.failed(e);
        }
    }
}
