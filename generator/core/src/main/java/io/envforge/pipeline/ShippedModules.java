package io.envforge.pipeline;

import io.envforge.api.GenerateRequest;
import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.render.OutputTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A separate GitOps repository gets the Terraform modules its roots call. The generated roots call the hand-written
 * modules by the relative path {@code ../../modules/<cloud>/<module>} (from {@code terraform/environments/<env>/}),
 * which exists in the workspace but not in another repository; so a run that writes into a clone of one copies the
 * workspace's {@code terraform/modules/} there, as files it owns and commits with the roots. The modules then travel
 * with the roots that call them (one pull request shows both), and Terraform needs no access to the workspace
 * repository. Nothing is copied when the output is the workspace itself.
 */
final class ShippedModules {

    static final String FOLDER = "terraform/modules/";

    private ShippedModules() {}

    /** The folders the run owns in the output repository: {@value #FOLDER} when it is a separate one. */
    static List<String> owned(GenerateRequest request) {
        return separate(request) && Files.isDirectory(request.workspace().resolve(FOLDER))
                ? List.of(FOLDER)
                : List.of();
    }

    /** The workspace's modules, path → text, for a separate output repository; empty otherwise. */
    static OutputTree of(GenerateRequest request) {
        OutputTree.Builder out = OutputTree.builder();
        if (owned(request).isEmpty()) {
            return out.build();
        }
        Path root = request.workspace();
        try (Stream<Path> files = Files.walk(root.resolve(FOLDER))) {
            for (Path file : files.sorted().toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (Files.isSymbolicLink(file)) {
                    throw new EnvforgeException(new Problem(
                            relative,
                            "",
                            null,
                            "is a symbolic link; the modules"
                                    + " shipped into the GitOps repository are read from the workspace only",
                            "replace the link with the file or folder itself"));
                }
                if (Files.isRegularFile(file)) {
                    out.put(relative, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new EnvforgeException(
                    new Problem(
                            FOLDER,
                            "",
                            null,
                            "cannot read the Terraform modules: " + e.getMessage(),
                            "check the workspace's " + FOLDER),
                    e);
        }
        return out.build();
    }

    private static boolean separate(GenerateRequest request) {
        return !request.outputDirectory()
                .toAbsolutePath()
                .normalize()
                .equals(request.workspace().toAbsolutePath().normalize());
    }
}
