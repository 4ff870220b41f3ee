package io.envforge.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit takes a file whose size and time are those of its index entry, written well before the index itself,
 * as indexed, without reading it (as {@code git add} does); an entry as recent as the index is racily clean and the
 * file is read and hashed.
 */
class IndexedFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFileAsIndexedIsNotReadAgainButARacilyCleanOneIs() throws Exception {
        Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call().close();
        FileTime old = FileTime.from(Instant.now().minusSeconds(60));
        write("old.txt", "one\n", old);
        write("new.txt", "uno\n", FileTime.from(Instant.now()));
        GitPublisher git = new GitPublisher(dir);
        List<String> both = List.of("new.txt", "old.txt");
        assertTrue(git.commit(both, List.of(), List.of(), "first").isPresent());

        // same size, same time as indexed a minute ago: taken as indexed (the blind spot git has as well)
        write("old.txt", "two\n", old);
        assertEquals(Optional.empty(), git.commit(both, List.of(), List.of(), "second"));
        assertEquals("one\n", committed("old.txt"));

        // indexed within two seconds of the index: read again, so the change is committed
        FileTime recent = Files.getLastModifiedTime(dir.resolve("new.txt"));
        write("new.txt", "dos\n", recent);
        assertTrue(git.commit(both, List.of(), List.of(), "third").isPresent());
        assertEquals("dos\n", committed("new.txt"));
    }

    private void write(String path, String text, FileTime time) throws Exception {
        Files.writeString(dir.resolve(path), text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(dir.resolve(path), time);
    }

    private String committed(String path) throws Exception {
        try (Git git = Git.open(dir.toFile())) {
            Repository repo = git.getRepository();
            ObjectId tree = repo.parseCommit(repo.resolve("HEAD")).getTree();
            try (TreeWalk walk = TreeWalk.forPath(repo, path, tree)) {
                return new String(repo.open(walk.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
