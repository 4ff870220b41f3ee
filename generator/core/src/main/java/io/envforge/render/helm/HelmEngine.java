package io.envforge.render.helm;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What renders a chart: {@code helm template <release> <chart> --namespace <namespace> -f <values>}, in process. Two
 * engines give the same text ({@code HelmEngineEquivalenceTest}): envforge's own library of Helm's engine
 * ({@link NativeHelmEngine}, built from helm.sh/helm/v3 by {@code tools/helm-engine/build.sh}), used when it is
 * there, and helm-java ({@link HelmJavaEngine}) otherwise. {@link #select} says which.
 */
interface HelmEngine {

    /** Helm's version, as helm-java's {@code Helm.version()} prints it; part of the render cache's key. */
    String helmVersion();

    /** Loads what the engine needs (a native library) before the first render. */
    void warmUp();

    /** helm template's text; safe to call concurrently. {@code chartKey} changes whenever the chart's files do. */
    Rendered template(Path chart, String chartKey, String release, String namespace, String values);

    /** Which engine this is, for the run's log. */
    String describe();

    /**
     * helm template's text, and what the engine parsed of it on the way: documents keyed by the piece of the text
     * that {@link HelmRenderer#documents} cuts out (see {@link HelmManifests.Printed}); empty when nothing was parsed.
     */
    record Rendered(String text, Map<String, List<Map<String, Object>>> parsed) {
        static Rendered of(String text) {
            return new Rendered(text, Map.of());
        }
    }

    /**
     * The engine for this process: {@code -Denvforge.helm.engine} or {@code ENVFORGE_HELM_ENGINE} names envforge's
     * library file, or {@code helm-java}; unset, the library at {@link NativeHelmEngine#defaultLibrary()} when that
     * file is there, else helm-java. A library that is named but cannot be used is an error; one found at the
     * default place that cannot be used (built for another Helm version, another protocol) is passed over.
     */
    /** {@link #select}, once per process (a native library is loaded once). */
    static HelmEngine shared() {
        return Shared.ENGINE;
    }

    /** The holder of {@link #shared}: initialised on first use. */
    final class Shared {
        static final HelmEngine ENGINE = select();

        private Shared() {}
    }

    static HelmEngine select() {
        String named = System.getProperty("envforge.helm.engine", System.getenv("ENVFORGE_HELM_ENGINE"));
        if (named != null && !named.isBlank()) {
            return named.equals("helm-java") ? new HelmJavaEngine() : NativeHelmEngine.load(Path.of(named));
        }
        Path library = NativeHelmEngine.defaultLibrary();
        return NativeHelmEngine.tryLoad(library).map(HelmEngine.class::cast).orElseGet(HelmJavaEngine::new);
    }
}
