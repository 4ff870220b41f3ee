package io.envforge.render;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Jinjava text templates bundled under {@code io/envforge/templates/} (Terraform, docs). Templates are read once;
 * the context is plain maps and lists. An undefined variable or any template error fails the render.
 *
 * <p>Jinjava's expression language loads its own classes through the thread's context class loader. Renderers run
 * on pool threads, and inside Maven those carry a loader that cannot see Jinjava; so every use of Jinjava here runs
 * with envforge's own loader as the context loader, whichever thread calls.
 */
public final class Templates {

    private static final ClassLoader LOADER = Templates.class.getClassLoader();
    private static final Jinjava JINJAVA = withOwnLoader(Templates::newJinjava);
    private static final Map<String, String> SOURCES = new ConcurrentHashMap<>();
    /**
     * One copy of Jinjava's global context (its filters, functions, tags and tests) per render thread. Jinjava's own
     * {@code renderForResult} copies the whole global context on every call and resets the shared one afterwards
     * (Jinjava 2.7.4, {@code Jinjava.renderForResult} → {@code copyGlobalContext}); a fleet run renders some 20,000
     * templates, and the copies were the largest Jinjava cost in its profile. A render only writes to its own child
     * context, so a thread's copy is reused, and reset after each render as Jinjava resets its global one.
     */
    private static final ThreadLocal<Context> GLOBALS =
            ThreadLocal.withInitial(() -> withOwnLoader(JINJAVA::getGlobalContextCopy));

    private Templates() {}

    /** Renders {@code name} (relative to {@code io/envforge/templates/}) with {@code context}. */
    public static String render(String name, Map<String, ?> context) {
        String source = SOURCES.computeIfAbsent(name, Templates::read);
        RenderResult fast = withOwnLoader(() -> renderOnThisThread(source, context));
        RenderResult result = fast != null ? fast : withOwnLoader(() -> JINJAVA.renderForResult(source, context));
        if (!result.getErrors().isEmpty()) {
            TemplateError first = result.getErrors().get(0);
            throw new IllegalStateException(
                    "template " + name + " line " + first.getLineno() + ": " + first.getMessage());
        }
        return result.getOutput();
    }

    /**
     * What {@code Jinjava.renderForResult(source, bindings)} does, with this thread's copy of the global context
     * instead of a new copy per call. Inside another Jinjava render, or when the template throws (a syntax error),
     * Jinjava's own method runs instead, so nesting and error results are exactly Jinjava's.
     */
    private static RenderResult renderOnThisThread(String source, Map<String, ?> bindings) {
        if (JinjavaInterpreter.getCurrent() != null) {
            return JINJAVA.renderForResult(source, bindings);
        }
        JinjavaConfig config = JINJAVA.getGlobalConfig();
        Context globals = GLOBALS.get();
        JinjavaInterpreter interpreter = config.getInterpreterFactory()
                .newInstance(JINJAVA, new Context(globals, bindings, config.getDisabled()), config);
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            String output = interpreter.render(source);
            return new RenderResult(output, interpreter.getContext(), interpreter.getErrorsCopy());
        } catch (RuntimeException e) {
            return null;
        } finally {
            globals.reset();
            JinjavaInterpreter.popCurrent();
        }
    }

    /** Initialises Jinjava and its expression language (a few hundred ms of class loading) ahead of the first render. */
    public static void warmUp() {
        withOwnLoader(() -> JINJAVA.render("{{ x }}", Map.of("x", 1)));
    }

    static Jinjava newJinjava() {
        return new Jinjava(JinjavaConfig.newBuilder()
                .withFailOnUnknownTokens(true)
                .withTrimBlocks(true)
                .withLstripBlocks(true)
                .build());
    }

    static <T> T withOwnLoader(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(LOADER);
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static String read(String name) {
        try (InputStream in = Templates.class.getResourceAsStream("/io/envforge/templates/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing template " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
