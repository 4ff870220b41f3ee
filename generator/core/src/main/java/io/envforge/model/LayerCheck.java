package io.envforge.model;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.spec.EnvironmentSpec;
import java.math.BigDecimal;
import java.util.List;

/**
 * Refuses layer values the cluster would refuse only at apply time, naming the file that set them (the spec, or the
 * platform file's defaults): a request above its limit, and an image repository that carries a tag or a scheme.
 */
final class LayerCheck {

    private static final List<String> LAYERS = List.of("api", "integration");
    private static final List<String> RESOURCES = List.of("cpu", "memory");

    private final EnvironmentSpec spec;
    private final String platformFile;
    private final Tree eff;

    LayerCheck(EnvironmentSpec spec, String platformFile, Tree eff) {
        this.spec = spec;
        this.platformFile = platformFile;
        this.eff = eff;
    }

    void check() {
        for (String layer : LAYERS) {
            String p = "layers." + layer + ".";
            for (String resource : RESOURCES) {
                String request = eff.string(p + "resources.requests." + resource);
                String limit = eff.string(p + "resources.limits." + resource);
                if (quantity(request).compareTo(quantity(limit)) > 0) {
                    String path = p + "resources.requests." + resource;
                    throw fail(path, request, "is above its limit " + limit + " (" + where(p + "resources.limits."
                            + resource) + "); Kubernetes refuses a request above the limit",
                            "lower the request or raise the limit");
                }
            }
            String repository = eff.string(p + "image.repository");
            int lastSlash = repository.lastIndexOf('/');
            if (repository.contains("://")) {
                throw fail(p + "image.repository", repository, "has a scheme; an image reference has none",
                        "write it as registry/path, e.g. docker.io/wso2/wso2am");
            }
            if (repository.indexOf(':', lastSlash + 1) >= 0) {
                throw fail(p + "image.repository", repository, "has a tag; the tag goes in image.tag",
                        "write the repository without :tag and set " + where(p + "image.tag"));
            }
        }
    }

    /**
     * A Kubernetes quantity as a number: decimal suffixes m, k, M, G, T and binary Ki, Mi, Gi, Ti (k8s.io/apimachinery
     * pkg/api/resource/quantity.go); the schemas allow only these forms.
     */
    static BigDecimal quantity(String text) {
        String[][] suffixes = {{"Ki", "1024"}, {"Mi", "1048576"}, {"Gi", "1073741824"}, {"Ti", "1099511627776"},
            {"m", "0.001"}, {"k", "1000"}, {"M", "1000000"}, {"G", "1000000000"}, {"T", "1000000000000"}};
        for (String[] s : suffixes) {
            if (text.endsWith(s[0])) {
                return new BigDecimal(text.substring(0, text.length() - s[0].length())).multiply(new BigDecimal(s[1]));
            }
        }
        return new BigDecimal(text);
    }

    /** The file and path that set {@code path} (relative to spec / spec.defaults). */
    private String where(String path) {
        return isSetInSpec(path) ? spec.file() + " spec." + path : platformFile + " spec.defaults." + path;
    }

    private EnvforgeException fail(String path, String value, String message, String fix) {
        boolean own = isSetInSpec(path);
        return new EnvforgeException(new Problem(own ? spec.file() : platformFile,
                (own ? "spec." : "spec.defaults.") + path, value, message, fix));
    }

    private boolean isSetInSpec(String path) {
        return new Tree(spec.spec()).get(path) != null;
    }
}
