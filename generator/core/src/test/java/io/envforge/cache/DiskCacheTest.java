package io.envforge.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entries survive a round trip; damaged ones are misses; the folder stays bounded, oldest-used out first. */
class DiskCacheTest {

    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void storedValueIsReadBackAndCountsAsHit() {
        DiskCache cache = DiskCache.at(dir, 1 << 20);
        String key = Digests.key("a");
        assertEquals(Optional.empty(), cache.get(key));
        cache.put(key, bytes("hello\n---\n"));
        assertArrayEquals(bytes("hello\n---\n"), cache.get(key).orElseThrow());
        assertEquals(1, cache.hits());
        assertEquals(1, cache.misses());
    }

    @Test
    void truncatedOrAlteredEntryIsAMissAndIsDeleted() throws IOException {
        DiskCache cache = DiskCache.at(dir, 1 << 20);
        String truncated = Digests.key("t");
        String altered = Digests.key("x");
        cache.put(truncated, bytes("a value long enough to cut"));
        cache.put(altered, bytes("the right value"));
        Path cut = cache.file(truncated);
        byte[] whole = Files.readAllBytes(cut);
        Files.write(cut, Arrays.copyOf(whole, whole.length - 5));
        Path changed = cache.file(altered);
        Files.writeString(changed, Files.readString(changed).replace("right", "wrong"));

        assertEquals(Optional.empty(), cache.get(truncated));
        assertEquals(Optional.empty(), cache.get(altered));
        assertFalse(Files.exists(cut));
        assertFalse(Files.exists(changed));
    }

    @Test
    void trimDeletesLeastRecentlyUsedFirstDownToFourFifthsOfTheBound() throws IOException {
        DiskCache fill = DiskCache.at(dir, 1 << 20);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String key = Digests.key("k" + i);
            keys.add(key);
            fill.put(key, new byte[1_900]);
            Files.setLastModifiedTime(fill.file(key), FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        DiskCache cache = DiskCache.at(dir, 10_000); // a later run with a smaller bound
        cache.get(keys.get(0)); // used now: the newest
        cache.put(Digests.key("new"), new byte[100]); // its first write trims
        assertTrue(cache.get(keys.get(0)).isPresent(), "recently used entry kept");
        assertFalse(Files.exists(cache.file(keys.get(1))), "oldest unused entry evicted");
        assertFalse(Files.exists(cache.file(keys.get(2))));
        assertTrue(Files.exists(cache.file(keys.get(5))));
        try (Stream<Path> files = Files.walk(dir)) {
            assertTrue(files.filter(Files::isRegularFile)
                            .mapToLong(p -> p.toFile().length())
                            .sum()
                    <= 8_000);
        }
    }

    @Test
    void concurrentWritersAndReadersOfOneKeyNeverSeeAPartialEntry() throws Exception {
        String key = Digests.key("shared");
        byte[] value = new byte[200_000];
        Arrays.fill(value, (byte) 'y');
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    DiskCache own = DiskCache.at(dir, 1 << 30); // one instance per "run"
                    for (int i = 0; i < 50; i++) {
                        own.put(key, value);
                        Optional<byte[]> read = own.get(key);
                        if (read.isPresent() && !Arrays.equals(value, read.get())) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertTrue(r.get());
            }
        } finally {
            pool.shutdown();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            assertEquals(
                    0,
                    files.filter(p -> p.getFileName().toString().startsWith(".tmp-"))
                            .count());
        }
    }
}
