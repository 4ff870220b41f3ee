package io.envforge.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The settings the product images and start scripts actually read. Each fact is taken from the product's own files,
 * named in {@link Product}; the charts' READMEs name the same sources.
 */
class ProductImageTest {

    /**
     * What one product's image and start script expect.
     *
     * @param heapVariable the variable the start script passes to java as its memory options
     * @param commandLineProperties system properties the start script sets on the java command line itself (they win
     *        over {@code JAVA_TOOL_OPTIONS}, which the JVM reads first)
     * @param uid the image's {@code USER_ID} (owner of the product home)
     * @param gid the image's {@code USER_GROUP_ID}
     */
    record Product(String heapVariable, Set<String> commandLineProperties, int uid, int gid) {}

    /**
     * api-gateway: wso2/product-apim v4.3.0 {@code modules/distribution/product/src/main/startup-scripts/api-manager.sh}
     * ({@code $JVM_MEM_OPTS}, default -Xms256m -Xmx1024m; {@code -Djava.io.tmpdir="$CARBON_HOME/tmp"}) and
     * wso2/docker-apim v4.3.0.x {@code dockerfiles/ubuntu/apim/Dockerfile} (USER_ID=10001, USER_GROUP_ID=10001).
     * integration: wso2/micro-integrator v4.3.0 {@code distribution/src/scripts/micro-integrator.sh} (same variable
     * and tmpdir) and wso2/docker-ei v4.3.0.x {@code dockerfiles/ubuntu/micro-integrator/Dockerfile} (USER_ID=802,
     * USER_GROUP_ID=802).
     */
    static final Map<String, Product> PRODUCTS = Map.of(
            "api-gateway", new Product("JVM_MEM_OPTS", Set.of("java.io.tmpdir", "carbon.home"), 10001, 10001),
            "integration", new Product("JVM_MEM_OPTS", Set.of("java.io.tmpdir", "carbon.home"), 802, 802));

    static Stream<Scenario> scenarios() {
        return Scenario.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theVariableTheStartScriptReadsCarriesTheHeap(Scenario s) {
        Map<String, Object> main = WorkloadTest.main(s);
        String limit = Yaml.str(main, "resources.limits.memory");
        int mi = Integer.parseInt(limit.replaceAll("\\D", "")) * (limit.endsWith("Gi") ? 1024 : 1);
        int percent = (Integer) Yaml.get(Values.of(s), "jvm.heapPercent");
        String heap = "-Xms" + mi * percent / 100 + "m -Xmx" + mi * percent / 100 + "m";
        assertEquals(
                heap,
                env(main).get(PRODUCTS.get(s.chart()).heapVariable()),
                s + ": the start script reads " + PRODUCTS.get(s.chart()).heapVariable());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void javaToolOptionsSetNothingTheStartScriptOverrides(Scenario s) {
        String options = env(WorkloadTest.main(s)).getOrDefault("JAVA_TOOL_OPTIONS", "");
        for (String property : PRODUCTS.get(s.chart()).commandLineProperties()) {
            assertFalse(
                    options.contains("-D" + property + "="),
                    s + ": JAVA_TOOL_OPTIONS sets " + property + ", which the start script's command line overrides");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void podsRunAsTheAccountThatOwnsTheProductInTheImage(Scenario s) {
        Product product = PRODUCTS.get(s.chart());
        Map<String, Object> pod = Yaml.map(WorkloadTest.workload(s), "spec.template.spec");
        assertEquals(product.uid(), Yaml.get(pod, "securityContext.runAsUser"), s + " runAsUser");
        assertEquals(product.gid(), Yaml.get(pod, "securityContext.runAsGroup"), s + " runAsGroup");
        assertEquals(product.gid(), Yaml.get(pod, "securityContext.fsGroup"), s + " fsGroup");
        for (String kind : List.of("initContainers", "containers")) {
            for (Map<String, Object> c : Yaml.list(pod, kind)) {
                assertEquals(product.uid(), Yaml.get(c, "securityContext.runAsUser"), s + " " + c.get("name"));
            }
        }
    }

    private static Map<String, String> env(Map<String, Object> container) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (Map<String, Object> e : Yaml.list(container, "env")) {
            if (e.get("value") != null) {
                out.put((String) e.get("name"), String.valueOf(e.get("value")));
            }
        }
        return out;
    }

    /**
     * A digest in values pins every container (init and main) to that manifest, so all peers run one build whatever
     * the tag now points to; the product home still follows the tag's version.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void aDigestPinsEveryContainerToOneManifest(Scenario s) {
        Map<String, Object> values = Values.of(s);
        String digest = (String) Yaml.get(values, "image.digest");
        String repo = Yaml.str(values, "image.repository");
        String expected =
                digest == null || digest.isEmpty() ? repo + ":" + Yaml.str(values, "image.tag") : repo + "@" + digest;
        Map<String, Object> pod = Yaml.map(WorkloadTest.workload(s), "spec.template.spec");
        for (String list : List.of("initContainers", "containers")) {
            for (Map<String, Object> c : Yaml.list(pod, list)) {
                assertEquals(expected, c.get("image"), s + " " + list + " " + c.get("name"));
            }
        }
        String version = Yaml.str(values, "image.tag").replaceAll("^([0-9]+\\.[0-9]+\\.[0-9]+).*", "$1");
        List<?> commandLine = (List<?>) WorkloadTest.main(s).get("command");
        // the product's start script, last (the api-gateway chart runs it through its start.sh)
        String command = (String) commandLine.get(commandLine.size() - 1);
        assertEquals(true, command.contains("-" + version + "/bin/"), s + ": " + command);
    }
}
