package io.envforge.render.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copies of Helm's native library that killed runs left in the temp folder are deleted; nothing else is. */
class HelmNativeSweepTest {

    @TempDir
    Path tmp;

    private Path copy(String name, Instant modified, String... files) throws IOException {
        Path dir = Files.createDirectory(tmp.resolve(name));
        for (String file : files) {
            Files.writeString(dir.resolve(file), "ELF");
        }
        Files.setLastModifiedTime(dir, FileTime.from(modified));
        return dir;
    }

    @Test
    void deletesOnlyOldFoldersHoldingNothingButTheLibrary() throws IOException {
        Instant old = Instant.now().minus(HelmRenderer.STALE_AFTER).minusSeconds(60);
        Path killed = copy("helm-java123", old, "helm-linux-amd64.so");
        Path running = copy("helm-java456", Instant.now(), "helm-linux-amd64.so");
        Path foreign = copy("helm-java789", old, "helm-linux-amd64.so", "notes.txt");
        Path other = copy("other-dir", old, "helm-linux-amd64.so");

        int deleted = HelmRenderer.sweepStaleNativeCopies(tmp, Instant.now().minus(HelmRenderer.STALE_AFTER));

        assertEquals(1, deleted);
        assertFalse(Files.exists(killed), "a killed run's copy is deleted");
        assertTrue(Files.exists(running.resolve("helm-linux-amd64.so")), "a recent copy may belong to a running JVM");
        assertTrue(Files.exists(foreign.resolve("notes.txt")), "a folder with other files is not ours to delete");
        assertTrue(Files.exists(other), "only helm-java* folders");
    }
}
