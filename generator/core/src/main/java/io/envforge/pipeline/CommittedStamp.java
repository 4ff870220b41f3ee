package io.envforge.pipeline;

import io.envforge.git.GitPublisher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which environments were, at the end of the last committing run, exactly as in HEAD (their owned files and their
 * spec): {@code envforge/committed} in the Git folder names the output folder, HEAD's commit, the index file's size,
 * time and inode, and the environments. While HEAD and the index are as recorded, an environment of that list whose
 * files are, by their stamps, untouched since they were verified ({@code OutputStamps}) and whose inputs digest is
 * unchanged (so is its spec) is still as in HEAD: {@link Unchanged} then skips Git's own
 * comparison of the work tree with HEAD and the index for it (a fifth to a third of the Java samples at 1,000
 * environments, docs/benchmark.md). Any run that may write takes the record away first ({@link #take}); only a run
 * whose commit phase finished writes it again, so files written but never committed are never trusted.
 */
final class CommittedStamp {

    private static final String HEADER = "# envforge committed v1: output folder, HEAD, index, then environments";

    private CommittedStamp() {}

    /** Reads and deletes the record; the environments it names if HEAD and the index are still as recorded. */
    static Set<String> take(Path out) {
        Optional<Path> file = file(out);
        if (file.isEmpty() || !Files.isRegularFile(file.get(), LinkOption.NOFOLLOW_LINKS)) {
            return Set.of();
        }
        try {
            List<String> lines = Files.readAllLines(file.get(), StandardCharsets.UTF_8);
            Files.deleteIfExists(file.get());
            List<String> now = state(out);
            if (now.isEmpty()
                    || lines.size() < 1 + now.size()
                    || !lines.subList(1, 1 + now.size()).equals(now)) {
                return Set.of();
            }
            return Set.copyOf(lines.subList(1 + now.size(), lines.size()));
        } catch (IOException | RuntimeException e) {
            return Set.of(); // Git compares instead
        }
    }

    /** Records that {@code environments} are as in HEAD now; a failure only costs the next run Git's comparison. */
    static void save(Path out, Collection<String> environments) {
        Optional<Path> file = file(out);
        List<String> now = state(out);
        if (file.isEmpty() || now.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.addAll(now);
        lines.addAll(environments);
        try {
            Files.createDirectories(file.get().getParent());
            Path temp = Files.createTempFile(file.get().getParent(), ".committed", ".tmp");
            Files.write(temp, lines, StandardCharsets.UTF_8);
            Files.move(temp, file.get(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // the next run compares with Git
        }
    }

    private static Optional<Path> file(Path out) {
        return GitPublisher.gitDir(out).map(git -> git.resolve("envforge").resolve("committed"));
    }

    /** The output folder, HEAD's commit and the index file's stamp; empty without a repository, HEAD or index. */
    private static List<String> state(Path out) {
        Optional<Path> git = GitPublisher.gitDir(out);
        if (git.isEmpty()) {
            return List.of();
        }
        try {
            Optional<String> head = new GitPublisher(out).head();
            BasicFileAttributes index = Files.readAttributes(
                    git.get().resolve("index"), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (head.isEmpty()) {
                return List.of();
            }
            return List.of(
                    "out " + out.toAbsolutePath().normalize(),
                    "head " + head.get(),
                    "index " + index.size() + " " + index.lastModifiedTime().toInstant() + " " + index.fileKey());
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
