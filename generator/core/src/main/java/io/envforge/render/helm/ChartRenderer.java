package io.envforge.render.helm;

import com.marcnuri.helm.Helm;
import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.model.Environment;
import io.envforge.model.Layer;
import io.envforge.render.Layout;
import io.envforge.render.OutputTree;
import io.envforge.render.Renderer;
import io.envforge.render.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Renders each layer's chart with Helm itself (helm-java, in process) from the values file the previous step wrote,
 * and stores the manifests as {@code overlays/<env>/layers/<chart>.yaml}. Helm hooks (such as the {@code helm test}
 * pod) are dropped: a GitOps controller applying plain manifests would run them as ordinary objects.
 */
public final class ChartRenderer implements Renderer {

    /**
     * helm-java swaps the process-wide Go stdout/stderr around every call, so concurrent calls race; measured, two
     * threads render no faster than one. One call at a time; the other threads do the Java work meanwhile.
     */
    private static final Object HELM = new Object();

    private final Path chartsDir;

    public ChartRenderer(Path chartsDir) {
        this.chartsDir = chartsDir;
    }

    @Override
    public String name() {
        return "helm-template";
    }

    /** Loads Helm's native library (about half a second) while the pipeline is still reading specs. */
    @Override
    public void warmUp() {
        synchronized (HELM) {
            Helm.version().call();
        }
    }

    @Override
    public void render(Environment env, OutputTree.Builder out) {
        for (Layer layer : env.layers()) {
            String values = out.get(HelmValuesRenderer.valuesPath(env, layer));
            String manifests = template(env, layer, values);
            List<Map<String, Object>> docs = Yaml.loadAll(manifests).stream().filter(d -> !isHook(d)).toList();
            out.put(HelmValuesRenderer.renderedPath(env, layer),
                    Layout.header(env.name(), "charts/" + layer.name()) + Yaml.dumpAll(docs));
        }
    }

    private String template(Environment env, Layer layer, String values) {
        Path chart = chartsDir.resolve(layer.name());
        Path file = null;
        try {
            file = Files.createTempFile("envforge-" + env.name() + "-", ".values.yaml");
            Files.writeString(file, values, StandardCharsets.UTF_8);
            synchronized (HELM) {
                return new Helm(chart).template().withName(layer.name()).withNamespace(env.namespace())
                        .withValuesFile(file).call();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException e) {
            throw new EnvforgeException(new Problem("charts/" + layer.name(), "", null,
                    "helm template failed for environment " + env.name() + ": " + e.getMessage(),
                    "run helm lint charts/" + layer.name() + " -f " + HelmValuesRenderer.valuesPath(env, layer)), e);
        } finally {
            deleteQuietly(file);
        }
    }

    @SuppressWarnings("unchecked")
    private static boolean isHook(Map<String, Object> doc) {
        Object metadata = doc.get("metadata");
        if (!(metadata instanceof Map<?, ?> m) || !(m.get("annotations") instanceof Map<?, ?> annotations)) {
            return false;
        }
        return ((Map<String, Object>) annotations).containsKey("helm.sh/hook");
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }
}
