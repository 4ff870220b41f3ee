package io.envforge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Parallel work sees envforge's class loader as the context class loader, whatever the worker thread carried (inside
 * Maven, common-pool workers carry one that cannot see Jinjava), and the thread gets its own back afterwards.
 */
class ParallelTest {

    @Test
    void swapsTheContextClassLoaderForTheWorkOnly() throws Exception {
        ClassLoader foreign = new URLClassLoader(new URL[0], null);
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        thread.setContextClassLoader(foreign);
        try {
            ClassLoader[] seen = new ClassLoader[1];
            Parallel.run(() -> seen[0] = Thread.currentThread().getContextClassLoader());
            assertSame(Parallel.class.getClassLoader(), seen[0]);
            assertSame(foreign, thread.getContextClassLoader());
            assertEquals("x!", Parallel.function((String s) -> {
                assertSame(Parallel.class.getClassLoader(), Thread.currentThread().getContextClassLoader());
                return s + "!";
            }).apply("x"));
        } finally {
            thread.setContextClassLoader(original);
        }
    }

    @Test
    void everyWorkerOfAParallelStreamSeesIt() {
        Set<ClassLoader> seen = ConcurrentHashMap.newKeySet();
        List.of(1, 2, 3, 4, 5, 6, 7, 8).parallelStream().forEach(Parallel.consumer(i -> {
            Thread.currentThread();
            seen.add(Thread.currentThread().getContextClassLoader());
        }));
        assertEquals(Set.of(Parallel.class.getClassLoader()), seen);
    }
}
