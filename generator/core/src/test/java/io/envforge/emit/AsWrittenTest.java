package io.envforge.emit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.render.OutputTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the commit trusts without reading a file ({@link TreeWriter#asWritten}): a file the writer wrote whose size and
 * time are still the writer's stamp. Within a clock tick of the write an edit can keep both, so there the content is
 * compared: an edit that keeps size and time is caught at once, and trusted (Git's blind spot too) only once the
 * racy window has passed.
 */
class AsWrittenTest {

    @TempDir
    Path dir;

    @Test
    void anEditKeepingSizeAndTimeIsCaughtWithinTheRacyWindowOnly() throws Exception {
        TreeWriter writer = new TreeWriter(dir, dir.resolve(".staging"));
        OutputTree tree = OutputTree.builder()
                .put("out/a.yaml", "kind: A\n")
                .put("out/b.yaml", "kind: B\n")
                .build();
        WriteResult plan = writer.plan(tree, List.of("out/"));
        writer.write(TreeWriter.bytes(tree, plan), plan, List.of("out/"), List.of());
        Path a = dir.resolve("out/a.yaml");
        assertTrue(writer.asWritten("out/a.yaml", attributes(a)), "as written");

        FileTime time = Files.getLastModifiedTime(a);
        Files.writeString(a, "KIND: A\n", StandardCharsets.UTF_8); // same size
        Files.setLastModifiedTime(a, time);
        assertFalse(writer.asWritten("out/a.yaml", attributes(a)), "edited within the tick: the content is compared");

        Path b = dir.resolve("out/b.yaml");
        OutputStamps.Stamp stamp = OutputStamps.stamp(attributes(b));
        long window = OutputStamps.racyNanos(stamp, OutputStamps.localClock(dir));
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(window) + 100);
        time = Files.getLastModifiedTime(b);
        Files.writeString(b, "kind: B\n".toUpperCase(Locale.ROOT), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(b, time);
        assertTrue(
                writer.asWritten("out/b.yaml", attributes(b)),
                "past the window an edit that keeps size and time is not seen (git status does not see it either)");
        Files.setLastModifiedTime(b, FileTime.fromMillis(System.currentTimeMillis()));
        assertFalse(writer.asWritten("out/b.yaml", attributes(b)), "an edit that moves the time is seen");
    }

    private static BasicFileAttributes attributes(Path file) throws Exception {
        return Files.readAttributes(file, BasicFileAttributes.class);
    }
}
