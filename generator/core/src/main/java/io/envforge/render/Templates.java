package io.envforge.render;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Jinjava text templates bundled under {@code io/envforge/templates/} (Terraform, docs). Templates are read once;
 * the context is plain maps and lists. An undefined variable or any template error fails the render.
 */
public final class Templates {

    private static final Jinjava JINJAVA = new Jinjava(JinjavaConfig.newBuilder()
            .withFailOnUnknownTokens(true)
            .withTrimBlocks(true)
            .withLstripBlocks(true)
            .build());
    private static final Map<String, String> SOURCES = new ConcurrentHashMap<>();

    private Templates() {
    }

    /** Renders {@code name} (relative to {@code io/envforge/templates/}) with {@code context}. */
    public static String render(String name, Map<String, ?> context) {
        String source = SOURCES.computeIfAbsent(name, Templates::read);
        RenderResult result = JINJAVA.renderForResult(source, context);
        if (!result.getErrors().isEmpty()) {
            TemplateError first = result.getErrors().get(0);
            throw new IllegalStateException("template " + name + " line " + first.getLineno() + ": "
                    + first.getMessage());
        }
        return result.getOutput();
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
