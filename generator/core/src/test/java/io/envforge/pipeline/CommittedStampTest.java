package io.envforge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.api.GenerateRequest;
import io.envforge.api.GenerateResult;
import io.envforge.model.Environment;
import io.envforge.render.OutputTree;
import io.envforge.render.Renderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CommittedStamp}: a committing run records which environments are as in HEAD, so that the next run need not
 * ask Git for those whose files are untouched; a run that writes without committing takes the record away, and the
 * next committing run still commits what that run left.
 */
class CommittedStampTest {

    @TempDir
    Path dir;

    @Test
    void aWriteWithoutCommitVoidsTheRecordAndTheNextRunCommitsItsFiles() throws Exception {
        Scratch ws = Scratch.in(dir).spec("dev1", "aws", "10.20.0.0/20", "").commitAll("dev1");
        Envforge envforge = new Envforge(List.of(note()), List.of());
        Path record = dir.resolve(".git/envforge/committed");

        envforge.generate(request(ws, true));
        assertTrue(Files.readAllLines(record).contains("dev1"), "recorded after the commit");
        agePastRacyStamps(dir.resolve("overlays/dev1"));
        agePastRacyStamps(dir.resolve("clusters/dev1"));
        assertEquals(List.of("dev1"), envforge.generate(request(ws, true)).unchanged(), "read, stamps recorded");
        assertEquals(List.of("dev1"), envforge.generate(request(ws, true)).unchanged(), "by stamps and the record");

        // another spec written and rendered without committing: the record goes, HEAD stays behind the work tree
        ws.spec("dev1", "azure", "10.20.0.0/20", "");
        envforge.generate(request(ws, false));
        assertFalse(Files.exists(record), "a run that writes without committing takes the record away");
        assertEquals("azure\n", ws.read("overlays/dev1/note.txt"));

        GenerateResult next = envforge.generate(request(ws, true));
        assertEquals(List.of(), next.unchanged(), "not as in HEAD: rendered again (Git was asked)");
        assertTrue(next.commit().isPresent(), "the files the last run left uncommitted are committed now");
        try (Git git = Git.open(dir.toFile())) {
            assertTrue(git.status().call().isClean(), "HEAD holds the work tree");
        }
    }

    private static GenerateRequest request(Scratch ws, boolean commit) {
        return GenerateRequest.builder(ws.root())
                .environments(List.of("dev1"))
                .mode(GenerateRequest.Mode.of(commit, false))
                .build();
    }

    /** Files older than OutputStamps.RACY_SECONDS, so that a verification records their stamps. */
    private static void agePastRacyStamps(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(f, FileTime.from(Instant.now().minusSeconds(60)));
            }
        }
    }

    private static Renderer note() {
        return new Renderer() {
            @Override
            public String name() {
                return "note";
            }

            @Override
            public OutputTree render(Environment env) {
                OutputTree.Builder out = OutputTree.builder();
                out.put(
                        "overlays/" + env.name() + "/note.txt",
                        env.cloud().name().toLowerCase() + "\n");
                return out.build();
            }
        };
    }
}
