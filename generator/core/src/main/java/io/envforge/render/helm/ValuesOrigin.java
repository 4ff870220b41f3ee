package io.envforge.render.helm;

import io.envforge.error.Problem;
import io.envforge.model.Environment;
import io.envforge.model.Layer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what a chart's values schema refuses ({@link ValuesSchema.Error}: a pointer into the values, the reason, the
 * value) into problems naming the spec file and the spec field that fed the value: the values envforge writes come
 * from the environment's spec or, when it does not set them, the platform file's {@code spec.defaults} (see
 * {@link HelmValues}). A value with no spec field behind it names the generated values file instead.
 */
final class ValuesOrigin {

    /** Values pointer prefix → field under {@code spec.layers.<layer>} that sets it. */
    private static final Map<String, String> FIELDS =
            Map.of("/replicaCount", "replicas", "/image", "image", "/resources", "resources");

    private ValuesOrigin() {}

    /** One problem per schema error. */
    static List<Problem> problems(Environment env, Layer layer, List<ValuesSchema.Error> errors, String valuesFile) {
        String key = layer.name().equals(Layer.API) ? "api" : "integration";
        List<Problem> out = new ArrayList<>();
        for (ValuesSchema.Error error : errors) {
            String pointer = error.pointer();
            String refused = "the " + layer.name() + " chart refuses it (" + error.message() + "; charts/"
                    + layer.name() + "/values.schema.json" + error.rule() + ")";
            Optional<String> field = FIELDS.entrySet().stream()
                    .filter(e -> pointer.equals(e.getKey()) || pointer.startsWith(e.getKey() + "/"))
                    .map(e -> "layers." + key + "." + e.getValue()
                            + pointer.substring(e.getKey().length()).replace('/', '.'))
                    .findFirst();
            if (field.isPresent()) {
                out.add(new Problem(
                        "environments/" + env.name() + ".yaml",
                        "spec." + field.get(),
                        error.value(),
                        refused,
                        "set a value the chart accepts here, or in its default (environments/platform.yaml"
                                + " spec.defaults." + field.get() + ") when the spec does not set it"));
            } else {
                out.add(new Problem(
                        valuesFile,
                        pointer.isEmpty() ? "" : pointer.substring(1).replace('/', '.'),
                        error.value(),
                        refused,
                        "this value is derived by envforge; report it with the environment's spec"));
            }
        }
        return out;
    }
}
