package io.envforge.pipeline;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.image.DriverImage;
import io.envforge.image.DriverJar;
import io.envforge.image.JdbcDriver;
import io.envforge.image.MetricsAgent;
import io.envforge.render.Yaml;
import io.envforge.spec.EnvironmentSpec;
import io.envforge.spec.PlatformSpec;
import io.envforge.spec.SpecReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code envforge images}: for one environment, each layer's product image with the JDBC driver its configuration
 * names (API Manager's also with the JMX exporter agent the api-gateway chart starts), built on the platform's base image (pinned by digest in {@code spec.defaults.layers.<layer>.image}) and
 * pushed to the environment's registry; the pushed digests are written into the environment's spec
 * ({@code spec.layers.<layer>.image.repository/tag/digest}), so the next {@code generate} renders
 * {@code repository@digest}. Only the spec's leading comment lines are kept when it is rewritten. When the platform
 * pins the preparation runner's Python base, the runner is built too ({@link RunnerImages}) and its
 * {@code repository@digest} written to {@code spec.preparation.image}.
 */
public final class Images {

    /**
     * @param workspace the GitOps repository's root
     * @param environment the environment whose spec receives the digests
     * @param registry where to push, e.g. {@code 123456789012.dkr.ecr.eu-west-1.amazonaws.com/envforge}
     * @param mavenRepository where the driver jar is fetched from (Maven Central)
     * @param insecure allow a plain-HTTP registry
     * @param cache jar and layer cache folder
     */
    public record Request(
            Path workspace, String environment, String registry, URI mavenRepository, boolean insecure, Path cache) {

        public Request {
            Objects.requireNonNull(workspace, "workspace");
            if (registry == null || !registry.matches("^[a-z0-9][a-z0-9.:-]*(/[a-z0-9._-]+)*$")) {
                throw new EnvforgeException(new Problem(
                        "-Dregistry",
                        "",
                        String.valueOf(registry),
                        "not a registry and repository prefix",
                        "for example 123456789012.dkr.ecr.eu-west-1.amazonaws.com/envforge"));
            }
        }
    }

    /** One pushed image: the layer key, the base it was built on and the pinned result. */
    public record Built(String layer, String base, String repository, String tag, String digest) {}

    /** Layer keys of the spec and the product (image name, driver folder) each runs. */
    private static final Map<String, String> PRODUCTS = Map.of("api", "wso2am", "integration", "wso2mi");

    private Images() {}

    public static List<Built> build(Request request) {
        Path ws = request.workspace();
        PlatformSpec platform = SpecReader.readPlatform(ws);
        EnvironmentSpec spec = SpecReader.readEnvironment(ws, request.environment());
        String engine = string(spec.spec(), "database", "engine");
        engine = engine != null ? engine : string(platform.spec(), "defaults", "database", "engine");
        if (!"postgres".equals(engine)) {
            throw new EnvforgeException(new Problem(
                    spec.file(),
                    "spec.database.engine",
                    String.valueOf(engine),
                    "envforge images adds the PostgreSQL driver only",
                    "use engine postgres, or build the image yourself"));
        }
        JdbcDriver driver = JdbcDriver.POSTGRESQL;
        Path jar = DriverJar.fetch(
                driver, request.mavenRepository(), request.cache().resolve("drivers"));
        List<Built> out = new ArrayList<>();
        for (String key : List.of("api", "integration")) {
            String at = "spec.defaults.layers." + key + ".image";
            String repository = string(platform.spec(), "defaults", "layers", key, "image", "repository");
            String tag = string(platform.spec(), "defaults", "layers", key, "image", "tag");
            String digest = string(platform.spec(), "defaults", "layers", key, "image", "digest");
            if (digest == null) {
                throw new EnvforgeException(new Problem(
                        platform.file(),
                        at + ".digest",
                        "(none)",
                        "the base image " + repository + ":" + tag + " is not pinned: its tag is rebuilt, and two"
                                + " builds would differ",
                        "add digest: sha256:<64 hex digits> (e.g. from `crane digest " + repository + ":" + tag
                                + "`)"));
            }
            String product = PRODUCTS.get(key);
            String targetRepository = request.registry() + "/" + product;
            String targetTag = tag + "-" + driver.artifactId() + "-" + driver.version();
            String base = repository + ":" + tag + "@" + digest;
            try {
                String pushed = new DriverImage(
                                base,
                                targetRepository + ":" + targetTag,
                                DriverImage.libDir(product, tag),
                                request.insecure(),
                                request.cache().resolve("jib"))
                        .build(
                                jar,
                                driver.fileName(),
                                key.equals("api") ? List.of(MetricsAgent.layer(agent(request))) : List.of());
                out.add(new Built(key, base, targetRepository, targetTag, pushed));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while building " + targetRepository, e);
            } catch (Exception e) {
                throw new EnvforgeException(new Problem(
                        platform.file(),
                        at,
                        base,
                        "building " + targetRepository + ":" + targetTag + " failed: " + e.getMessage(),
                        "check that the base exists and the registry " + request.registry() + " accepts pushes"));
            }
        }
        Built runner = RunnerImages.build(request, platform);
        if (runner != null) {
            out.add(runner);
        }
        writeSpec(ws, spec, out);
        return out;
    }

    /** API Manager serves no metrics itself: its image also carries the JMX exporter agent the chart starts. */
    private static Path agent(Request request) {
        return DriverJar.fetch(
                MetricsAgent.JAR, request.mavenRepository(), request.cache().resolve("drivers"));
    }

    /** The spec with each layer's image set to what was pushed; the leading comment lines are kept. */
    @SuppressWarnings("unchecked")
    private static void writeSpec(Path ws, EnvironmentSpec spec, List<Built> built) {
        Map<String, Object> doc = (Map<String, Object>) deepCopy(spec.document());
        Map<String, Object> specMap = (Map<String, Object>) doc.get("spec");
        Map<String, Object> layers =
                (Map<String, Object>) specMap.computeIfAbsent("layers", k -> new LinkedHashMap<>());
        for (Built b : built) {
            if (b.layer().equals(RunnerImages.KEY)) {
                ((Map<String, Object>) specMap.computeIfAbsent("preparation", k -> new LinkedHashMap<>()))
                        .put("image", b.repository() + "@" + b.digest());
                continue;
            }
            Map<String, Object> layer =
                    (Map<String, Object>) layers.computeIfAbsent(b.layer(), k -> new LinkedHashMap<>());
            layer.put("image", Yaml.map("repository", b.repository(), "tag", b.tag(), "digest", b.digest()));
        }
        String original = new String(spec.content(), StandardCharsets.UTF_8);
        StringBuilder header = new StringBuilder();
        for (String line : original.split("\n", -1)) {
            if (!line.startsWith("#")) {
                break;
            }
            header.append(line).append('\n');
        }
        String text = header + Yaml.dump(doc);
        // Parsed and validated like any spec before it replaces the file.
        SpecReader.parseEnvironment(spec.file(), spec.name(), text.getBytes(StandardCharsets.UTF_8));
        Path file = ws.resolve(spec.file());
        try {
            Path tmp = Files.createTempFile(file.getParent(), "." + spec.name(), ".tmp");
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + spec.file(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object deepCopy(Object node) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> copy.put(k, deepCopy(v)));
            return copy;
        }
        if (node instanceof List<?> l) {
            return new ArrayList<>(l.stream().map(Images::deepCopy).toList());
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    /** The text at {@code path} below {@code root}, or null where a step is missing or not a map. */
    static String string(Map<String, Object> root, String... path) {
        Object node = root;
        for (String key : path) {
            if (!(node instanceof Map<?, ?> m)) {
                return null;
            }
            node = ((Map<String, Object>) m).get(key);
        }
        return node == null ? null : node.toString();
    }
}
