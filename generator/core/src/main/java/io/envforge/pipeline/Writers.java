package io.envforge.pipeline;

import io.envforge.emit.TreeWriter;
import io.envforge.git.GitPublisher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The writer of an output folder, staging its writes where Git does not see them. */
final class Writers {

    private Writers() {}

    /**
     * A writer for {@code out} that stages in {@code envforge/staging} of the repository's Git folder when that is on
     * the same file system (a rename must move the staged files into place), else in {@code out/.envforge-staging}.
     */
    static TreeWriter of(Path out) {
        Optional<Path> gitDir = GitPublisher.gitDir(out);
        if (gitDir.isPresent() && sameFileSystem(gitDir.get(), out)) {
            return new TreeWriter(out, gitDir.get().resolve("envforge").resolve("staging"));
        }
        return new TreeWriter(out);
    }

    private static boolean sameFileSystem(Path a, Path b) {
        try {
            return Files.isDirectory(a)
                    && Files.isDirectory(b)
                    && Files.getFileStore(a).equals(Files.getFileStore(b));
        } catch (IOException e) {
            return false;
        }
    }
}
