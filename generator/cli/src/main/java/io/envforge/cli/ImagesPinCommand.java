package io.envforge.cli;

import io.envforge.pipeline.ImagePin;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code envforge images pin}: the base images' tags in platform.yaml resolved to digests, written beside them. */
@Command(
        name = "pin",
        mixinStandardHelpOptions = true,
        description = "Resolve each layer's base image (spec.defaults.layers.<layer>.image repository:tag in "
                + "environments/platform.yaml) to the digest its registry serves now, and write it there as digest.")
final class ImagesPinCommand implements Callable<Integer> {

    @Option(names = "--workspace", defaultValue = ".", description = "The GitOps repository's root.")
    Path workspace;

    @Option(names = "--insecure-registry", description = "Allow a plain-HTTP registry.")
    boolean insecure;

    @Override
    public Integer call() {
        try {
            for (ImagePin.Pinned p : ImagePin.pin(workspace.toAbsolutePath().normalize(), insecure)) {
                System.out.println("images pin: " + p.layer() + " " + p.reference() + "@" + p.digest());
            }
            return 0;
        } catch (RuntimeException e) {
            return Main.failed(e);
        }
    }
}
