package io.envforge.pipeline;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The time spent per step of one run. Steps called from several threads (render steps) add up, so they can exceed
 * the wall clock; {@code phase: ...} steps run on the calling thread and are wall clock.
 */
final class Timings {

    private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();

    <T> T time(String step, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            add(step, System.nanoTime() - start);
        }
    }

    void add(String step, long elapsedNanos) {
        nanos.computeIfAbsent(step, k -> new LongAdder()).add(elapsedNanos);
    }

    /** Milliseconds per step, sorted by name. */
    Map<String, Long> millis() {
        Map<String, Long> out = new TreeMap<>();
        nanos.forEach((k, v) -> out.put(k, v.sum() / 1_000_000));
        return out;
    }
}
