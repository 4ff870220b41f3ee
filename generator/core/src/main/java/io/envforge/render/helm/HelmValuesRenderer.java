package io.envforge.render.helm;

import io.envforge.model.Environment;
import io.envforge.model.Layer;
import io.envforge.render.Layout;
import io.envforge.render.OutputTree;
import io.envforge.render.Renderer;
import io.envforge.render.Yaml;

/** Writes {@code overlays/<env>/layers/<chart>.values.yaml}: the reviewed input of each chart render. */
public final class HelmValuesRenderer implements Renderer {

    @Override
    public String name() {
        return "helm-values";
    }

    @Override
    public void render(Environment env, OutputTree.Builder out) {
        for (Layer layer : env.layers()) {
            out.putDocument(
                    valuesPath(env, layer),
                    Layout.header(env.name(), Layout.spec(env.name())),
                    HelmValues.forLayer(env, layer));
        }
    }

    /**
     * The values file's text as this renderer writes it; {@link ChartRenderer} renders the chart with it, so it does
     * not depend on this renderer having run before it.
     */
    public static String valuesText(Environment env, Layer layer) {
        return Layout.header(env.name(), Layout.spec(env.name())) + Yaml.dump(HelmValues.forLayer(env, layer));
    }

    public static String valuesPath(Environment env, Layer layer) {
        return Layout.layers(env.name()) + layer.name() + ".values.yaml";
    }

    public static String renderedPath(Environment env, Layer layer) {
        return Layout.layers(env.name()) + layer.name() + ".yaml";
    }
}
