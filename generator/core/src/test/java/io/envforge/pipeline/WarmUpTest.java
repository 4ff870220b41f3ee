package io.envforge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.api.GenerateResult;
import io.envforge.model.Environment;
import io.envforge.render.OutputTree;
import io.envforge.render.Renderer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A renderer's {@link Renderer#warmUp} (Helm's native library, Jinjava) runs only in a run that renders something: a
 * run whose environments are all unchanged never loads them (docs/benchmark.md, "JVM start and lazy loading").
 */
class WarmUpTest {

    @TempDir
    Path dir;

    private final AtomicInteger warmUps = new AtomicInteger();
    private final CountDownLatch warmedUp = new CountDownLatch(1);

    @Test
    void aRunThatRendersNothingDoesNotWarmUp() throws Exception {
        Scratch ws = Scratch.in(dir).spec("dev1", "aws", "10.20.0.0/20", "");
        Envforge envforge = new Envforge(List.of(counting()), List.of());

        GenerateResult first = envforge.generate(ws.request(false, false, "dev1"));
        assertEquals(List.of(), first.unchanged());
        assertTrue(warmedUp.await(30, TimeUnit.SECONDS), "the first run renders dev1: warmed up");

        GenerateResult noOp = envforge.generate(ws.request(false, false, "dev1"));
        assertEquals(List.of("dev1"), noOp.unchanged());
        Thread.sleep(200); // a warm-up thread started by the no-op would have run by now
        assertEquals(1, warmUps.get(), "warm-ups after a run that rendered nothing");

        ws.spec("dev1", "azure", "10.20.0.0/20", "");
        envforge.generate(ws.request(false, false, "dev1"));
        Thread.sleep(200);
        assertEquals(2, warmUps.get(), "a changed spec renders again: warmed up again");
    }

    private Renderer counting() {
        return new Renderer() {
            @Override
            public String name() {
                return "counting";
            }

            @Override
            public OutputTree render(Environment env) {
                return OutputTree.builder().build();
            }

            @Override
            public void warmUp() {
                warmUps.incrementAndGet();
                warmedUp.countDown();
            }
        };
    }
}
