package io.envforge.pipeline;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs parallel-stream work with envforge's own class loader as the thread's context class loader. Worker threads of
 * the common pool carry the system class loader; inside Maven, libraries that load classes through the context
 * class loader (Jinjava's expression language, for one) would not find their own classes there.
 */
final class Parallel {

    private static final ClassLoader LOADER = Parallel.class.getClassLoader();

    private Parallel() {
    }

    static <T> Consumer<T> consumer(Consumer<T> action) {
        return item -> run(() -> action.accept(item));
    }

    static <T, R> Function<T, R> function(Function<T, R> action) {
        return item -> {
            Object[] result = new Object[1];
            run(() -> result[0] = action.apply(item));
            @SuppressWarnings("unchecked")
            R typed = (R) result[0];
            return typed;
        };
    }

    static void run(Runnable action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(LOADER);
        try {
            action.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
