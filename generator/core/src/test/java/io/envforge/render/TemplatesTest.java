package io.envforge.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Jinjava loads classes through the context class loader. Inside Maven, pool threads carry one that cannot see it;
 * a foreign loader stands in for that here.
 */
class TemplatesTest {

    private static <T> T onForeignLoader(java.util.function.Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        ClassLoader foreign = new URLClassLoader(new URL[0], null);
        thread.setContextClassLoader(foreign);
        try {
            T result = work.get();
            assertSame(foreign, thread.getContextClassLoader(), "the caller's loader is given back");
            return result;
        } finally {
            thread.setContextClassLoader(original);
        }
    }

    @Test
    void jinjavaCannotStartOnAForeignLoaderAlone() {
        assertThrows(RuntimeException.class, () -> onForeignLoader(Templates::newJinjava));
    }

    @Test
    void withOwnLoaderMakesJinjavaWorkWhateverTheCallersLoader() {
        String text = onForeignLoader(() -> Templates.withOwnLoader(() ->
                Templates.newJinjava().render("{{ a }}-{{ b|join(',') }}", Map.of("a", "x", "b", List.of(1, 2)))));
        assertEquals("x-1,2", text);
    }
}
