package io.envforge.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write is all or nothing although its renames run on all cores: a write that fails after the commit point is
 * undone from the backups, and staged files are kept under flat names (no folder per target folder).
 */
class StagedWriteTest {

    @TempDir
    Path dir;

    @Test
    void aFailedWriteAmongManyIsUndoneEverywhere() throws IOException {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        Path staging = dir.resolve("staging");
        Map<String, byte[]> texts = new TreeMap<>();
        List<StagedWrite.Change> changes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String path = "env-" + i + "/layers/file.yaml";
            Files.createDirectories(ws.resolve(path).getParent());
            Files.writeString(ws.resolve(path), "old " + i);
            texts.put(path, ("new " + i).getBytes(StandardCharsets.UTF_8));
            changes.add(new StagedWrite.Change('W', path));
        }
        for (int i = 0; i < 200; i++) {
            String path = "added-" + i + "/file.yaml";
            texts.put(path, ("added " + i).getBytes(StandardCharsets.UTF_8));
            changes.add(new StagedWrite.Change('W', path));
        }
        // a target under a file: its folder cannot be made, after the commit point
        Files.writeString(ws.resolve("blocked"), "a file where a folder is needed");
        texts.put("blocked/file.yaml", "never".getBytes(StandardCharsets.UTF_8));
        changes.add(100, new StagedWrite.Change('W', "blocked/file.yaml"));

        assertThrows(IOException.class, () -> new StagedWrite(ws, staging).apply(texts, changes));

        for (int i = 0; i < 200; i++) {
            assertEquals("old " + i, Files.readString(ws.resolve("env-" + i + "/layers/file.yaml")));
            assertFalse(Files.exists(ws.resolve("added-" + i + "/file.yaml")), "added-" + i);
        }
        assertEquals("a file where a folder is needed", Files.readString(ws.resolve("blocked")));
        assertFalse(Files.exists(staging), "staging removed");
    }

    @Test
    void stagedNamesAreFlatAndDistinct() {
        assertEquals("overlays%2Fdev1%2FENVIRONMENT.md", StagedWrite.flat("overlays/dev1/ENVIRONMENT.md"));
        assertEquals("a%252Fb", StagedWrite.flat("a%2Fb"));
        assertTrue(!StagedWrite.flat("a/b").equals(StagedWrite.flat("a%2Fb")));
        String longPath = "x/".repeat(150) + "file.yaml";
        assertTrue(StagedWrite.flat(longPath).startsWith("sha256-"), "a long path gets a hashed name");
        assertTrue(StagedWrite.flat(longPath).length() < 255);
    }
}
