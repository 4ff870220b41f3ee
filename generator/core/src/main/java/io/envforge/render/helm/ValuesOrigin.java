package io.envforge.render.helm;

import io.envforge.error.Problem;
import io.envforge.model.Environment;
import io.envforge.model.Layer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Helm's values-schema errors ({@code - at '/replicaCount': maximum: got 11, want 10}, Helm's
 * {@code pkg/chart/util/jsonschema.go} through helm-java) into problems naming the spec file and the spec field that
 * fed the value: the values envforge writes come from the environment's spec or, when it does not set them, the
 * platform file's {@code spec.defaults} (see {@link HelmValues}). A value with no spec field behind it names the
 * generated values file instead.
 */
final class ValuesOrigin {

    private static final Pattern ERROR = Pattern.compile("^- at '([^']*)': (.*)$");
    private static final Pattern GOT = Pattern.compile("got ([^,]+)");
    /** Values pointer prefix → field under {@code spec.layers.<layer>} that sets it. */
    private static final Map<String, String> FIELDS =
            Map.of("/replicaCount", "replicas", "/image", "image", "/resources", "resources");

    private ValuesOrigin() {}

    /** One problem per schema error in {@code helmMessage}; empty when it holds none (another Helm failure). */
    static List<Problem> problems(Environment env, Layer layer, String helmMessage, String valuesFile) {
        String key = layer.name().equals(Layer.API) ? "api" : "integration";
        List<Problem> out = new ArrayList<>();
        for (String line : helmMessage.split("\n")) {
            Matcher m = ERROR.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            String pointer = m.group(1);
            String why = m.group(2);
            Matcher got = GOT.matcher(why);
            String value = got.find() ? got.group(1).strip() : null;
            String refused = "the " + layer.name() + " chart refuses it (" + why + "; charts/" + layer.name()
                    + "/values.schema.json " + pointer + ")";
            Optional<String> field = FIELDS.entrySet().stream()
                    .filter(e -> pointer.equals(e.getKey()) || pointer.startsWith(e.getKey() + "/"))
                    .map(e -> "layers." + key + "." + e.getValue()
                            + pointer.substring(e.getKey().length()).replace('/', '.'))
                    .findFirst();
            if (field.isPresent()) {
                out.add(new Problem(
                        "environments/" + env.name() + ".yaml",
                        "spec." + field.get(),
                        value,
                        refused,
                        "set a value the chart accepts here, or in its default (environments/platform.yaml"
                                + " spec.defaults." + field.get() + ") when the spec does not set it"));
            } else {
                out.add(new Problem(
                        valuesFile,
                        pointer.substring(1).replace('/', '.'),
                        value,
                        refused,
                        "this value is derived by envforge; report it with the environment's spec"));
            }
        }
        return out;
    }
}
