package io.envforge.render.helm;

import java.nio.file.Path;

/**
 * What renders a chart: {@code helm template <release> <chart> --namespace <namespace> -f <values>}, in process. Two
 * engines give the same text ({@code HelmEngineEquivalenceTest}): envforge's own library of Helm's engine
 * ({@link NativeHelmEngine}, built from helm.sh/helm/v3 by {@code tools/helm-engine/build.sh}), used when it is
 * there, and helm-java ({@link HelmJavaEngine}) otherwise. {@link #select} says which.
 */
interface HelmEngine {

    /** Loads what the engine needs (a native library) before the first render. */
    void warmUp();

    /** helm template's text; safe to call concurrently. {@code chartKey} changes whenever the chart's files do. */
    String template(Path chart, String chartKey, String release, String namespace, String values);

    /**
     * What stands for the engine in the render cache's key: Helm's version and which engine (for the library, which
     * build). The two engines print the same text for the same chart and values except where a chart asks a cluster
     * ({@code lookup}; see {@link NativeHelmEngine}), so each keeps its own entries.
     */
    String cacheIdentity();

    /**
     * The engine for this process: {@code -Denvforge.helm.engine} or {@code ENVFORGE_HELM_ENGINE} names envforge's
     * library file, or {@code helm-java}; unset, the library at {@link NativeHelmEngine#defaultLibrary()} when that
     * file is there, else helm-java. A library that is named but cannot be used is an error; one found at the
     * default place that cannot be used (built for another Helm version, another protocol) is passed over.
     */
    static HelmEngine select() {
        String named = System.getProperty("envforge.helm.engine");
        if (named == null || named.isBlank()) {
            named = System.getenv("ENVFORGE_HELM_ENGINE");
        }
        if (named != null && !named.isBlank()) {
            return named.equals("helm-java") ? new HelmJavaEngine() : NativeHelmEngine.load(Path.of(named));
        }
        Path library = NativeHelmEngine.defaultLibrary();
        return NativeHelmEngine.tryLoad(library).map(HelmEngine.class::cast).orElseGet(HelmJavaEngine::new);
    }

    /**
     * {@link #select}, once per process (a native library is loaded once). A selection that fails is not kept: each
     * call reports it again as a {@link io.envforge.error.Problem}.
     */
    static HelmEngine shared() {
        HelmEngine engine = Shared.engine;
        if (engine == null) {
            synchronized (Shared.class) {
                engine = Shared.engine;
                if (engine == null) {
                    engine = select();
                    Shared.engine = engine;
                }
            }
        }
        return engine;
    }

    /** Where {@link #shared} keeps the engine. */
    final class Shared {
        private static volatile HelmEngine engine;

        private Shared() {}
    }
}
