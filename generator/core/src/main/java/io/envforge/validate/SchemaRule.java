package io.envforge.validate;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.envforge.spec.EcmaPatterns;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Validates every object against a strict JSON Schema picked by apiVersion and kind: first from the user's schema
 * folder, if one is given ({@code kubernetes/<version>-standalone-strict/<kind>-<group>-<version>.json},
 * {@code crds/<group>/<kind>_<version>.json}, {@code schemastore/kustomization.json}), which adds or overrides; then
 * from the schemas bundled with envforge: Kubernetes from {@link KubernetesSchemas}, CRDs derived from the
 * controllers' own CRD manifests ({@value #BUNDLED}, see its {@code PROVENANCE.json}). A kind with no schema is an
 * error unless the run allows unvalidated kinds (then a warning). Schemas are loaded once and shared by all threads.
 */
public final class SchemaRule implements Rule {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Draft 7, reading the API server's own schema extensions ({@code x-kubernetes-validations} and the like, in CRD
     * schemas from a user's folder) as annotations: the validator would log "Unknown keyword" for each otherwise.
     */
    private static final JsonSchemaFactory FACTORY = factory();

    /** The bundled CRD schemas: {@code <group>/<kind>_<version>.json}, and {@code PROVENANCE.json}. */
    static final String BUNDLED = "io/envforge/schemas/crds/";

    private final Optional<Path> root;
    private final Optional<Path> kubernetes;
    private final boolean allowMissing;
    private final Map<String, Optional<JsonSchema>> cache = new ConcurrentHashMap<>();
    /** Schema by kustomization / apiVersion + kind: a fleet run asks some 40,000 times for a dozen kinds. */
    private final Map<String, Optional<Source>> files = new ConcurrentHashMap<>();

    /**
     * Where a schema comes from: {@code label} names it in an error, {@code group} in the run summary (the bundled
     * source, or the user's folder), and how to read it.
     */
    record Source(String label, String group, String id, Supplier<JsonNode> schema) {}

    /** Validates against {@code root} first, then the bundled schemas; a kind with neither is an error. */
    public SchemaRule(Path root) {
        this(Optional.of(root), false);
    }

    /**
     * {@code folder}: the user's schemas, added to and overriding the bundled ones; {@code allowMissing}: a kind with
     * no schema is a warning instead of an error (the user's explicit opt-out).
     */
    public SchemaRule(Optional<Path> folder, boolean allowMissing) {
        this.root = folder;
        this.kubernetes = folder.flatMap(SchemaRule::findKubernetes);
        this.allowMissing = allowMissing;
    }

    private volatile String schemaSet;

    /**
     * The SHA-256 of everything a result of this rule depends on besides the document: every file of the user's
     * schema folder that it reads ({@code kubernetes/}, {@code crds/}, {@code schemastore/}; path and bytes), the
     * bundled CRD schemas (through their {@code PROVENANCE.json}, which holds each one's SHA-256), the bundled
     * Kubernetes model's version, the validator library's version and whether a kind may go unvalidated. Computed
     * once, on first use; the key of the validation cache.
     */
    String schemaSetDigest() {
        return schemaSetDigest(io.envforge.cache.DiskCache.none());
    }

    /**
     * As {@link #schemaSetDigest()}; {@code cache} keeps it by the schema files' paths, sizes and times, so a run
     * whose schema folder is as before does not read and hash its 9 MB again (0.1-0.25 s of CPU with C1, which has
     * no SHA-256 intrinsic; docs/benchmark.md). Files changed less than two seconds ago are not trusted by time.
     * Computed once: the render threads' first validations wait for it instead of each hashing the folder.
     */
    String schemaSetDigest(io.envforge.cache.DiskCache cache) {
        String digest = schemaSet;
        if (digest != null) {
            return digest;
        }
        synchronized (this) {
            return schemaSetDigestOnce(cache);
        }
    }

    private String schemaSetDigestOnce(io.envforge.cache.DiskCache cache) {
        String digest = schemaSet;
        if (digest == null) {
            java.security.MessageDigest sha = io.envforge.cache.Digests.sha256();
            java.security.MessageDigest stamps = io.envforge.cache.Digests.sha256();
            boolean trusted = true;
            List<Path> files = new ArrayList<>();
            if (root.isPresent()) {
                Path folder = root.get();
                long racy = System.currentTimeMillis() - 2000;
                try (var walk = Files.walk(folder)) {
                    for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                        String rel = folder.relativize(file).toString().replace('\\', '/');
                        if (rel.startsWith("kubernetes/")
                                || rel.startsWith("crds/")
                                || rel.startsWith("schemastore/")) {
                            java.nio.file.attribute.BasicFileAttributes a =
                                    Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
                            long modified = a.lastModifiedTime().toMillis();
                            trusted &= modified < racy;
                            update(stamps, rel, (a.size() + " " + a.lastModifiedTime()).getBytes(UTF_8));
                            files.add(file);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read schemas in " + folder, e);
                }
            }
            byte[] provenance;
            try (InputStream in = SchemaRule.class.getClassLoader().getResourceAsStream(BUNDLED + "PROVENANCE.json")) {
                provenance = in == null ? new byte[0] : in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled schemas' PROVENANCE.json", e);
            }
            // everything the digest below covers: the files by their stamps, the rest as is
            String key = io.envforge.cache.Digests.key(
                    "schema-set-by-stamps v1",
                    root.map(r -> r.toAbsolutePath().normalize().toString()).orElse(""),
                    java.util.HexFormat.of().formatHex(stamps.digest()),
                    io.envforge.cache.Digests.of(provenance),
                    KubernetesSchemas.LABEL,
                    validatorVersion(),
                    String.valueOf(allowMissing));
            Optional<byte[]> known = trusted ? cache.get(key) : Optional.empty();
            if (known.isPresent()) {
                schemaSet = new String(known.get(), UTF_8);
                return schemaSet;
            }
            for (Path file : files) {
                try {
                    update(sha, root.get().relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read schemas in " + root.get(), e);
                }
            }
            update(sha, "bundled", provenance);
            update(sha, "kubernetes", KubernetesSchemas.LABEL.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            update(sha, "validator", validatorVersion().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            update(sha, "allowMissing", String.valueOf(allowMissing).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest = java.util.HexFormat.of().formatHex(sha.digest());
            schemaSet = digest;
            if (trusted) {
                cache.put(key, digest.getBytes(UTF_8));
            }
        }
        return digest;
    }

    /**
     * The validator library's version from its own {@code pom.properties} (kept in the plain and the shaded jar), not
     * the jar's file name: that changes with every envforge release and would void the cache on each upgrade.
     */
    static String validatorVersion() {
        try (InputStream in = JsonSchemaFactory.class.getResourceAsStream(
                "/META-INF/maven/com.networknt/json-schema-validator/pom.properties")) {
            java.util.Properties p = new java.util.Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void update(java.security.MessageDigest sha, String label, byte[] bytes) {
        sha.update((label + "\0" + bytes.length + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        sha.update(bytes);
    }

    private static Optional<Path> findKubernetes(Path root) {
        if (!Files.isDirectory(root.resolve("kubernetes"))) {
            return Optional.empty();
        }
        try (var dirs = Files.list(root.resolve("kubernetes"))) {
            return dirs.filter(Files::isDirectory).sorted().reduce((a, b) -> b);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Kubernetes schemas in " + root, e);
        }
    }

    @Override
    public String name() {
        return "schema";
    }

    @Override
    public void check(String file, List<Map<String, Object>> docs, Map<String, String> tree, List<Finding> findings) {
        for (Map<String, Object> doc : docs) {
            Optional<Source> source = source(file, doc);
            if (source.isEmpty()) {
                String what = doc.get("apiVersion") + " " + doc.get("kind");
                String message = "no schema for " + what + ": add one to the schema folder (envforge.schemas, "
                        + "crds/<group>/<kind>_<version>.json), or allow unvalidated kinds with "
                        + "-Denvforge.allowUnvalidated=true";
                findings.add(
                        allowMissing
                                ? Finding.warning(file, ObjectIds.id(doc), "not validated: " + message)
                                : Finding.error(file, ObjectIds.id(doc), message));
                continue;
            }
            Optional<JsonSchema> schema = cache.computeIfAbsent(source.get().id(), k -> load(source.get()));
            if (schema.isEmpty()) {
                continue;
            }
            TreeSet<String> messages = new TreeSet<>();
            for (ValidationMessage m : schema.get().validate(JSON.valueToTree(doc))) {
                messages.add(m.getMessage());
            }
            messages.forEach(m -> findings.add(Finding.error(
                    file, ObjectIds.id(doc), m + " (schema " + source.get().label() + ")")));
        }
    }

    /** What {@code doc} of {@code file} is validated against, as the run summary names it; empty: nothing. */
    Optional<String> label(String file, Map<String, Object> doc) {
        return source(file, doc).map(Source::group);
    }

    private Optional<Source> source(String file, Map<String, Object> doc) {
        if (file.endsWith("kustomization.yaml")) {
            return files.computeIfAbsent(
                    "",
                    k -> root.flatMap(r -> folder(r, "schemastore/kustomization.json"))
                            .or(() -> Optional.of(KUSTOMIZATION_RULE)));
        }
        String apiVersion = String.valueOf(doc.get("apiVersion"));
        String kind = String.valueOf(doc.get("kind"));
        return files.computeIfAbsent(apiVersion + " " + kind, k -> lookup(apiVersion, kind));
    }

    /**
     * A kustomization.yaml without a schema in the user's folder is checked by {@link KustomizationRule} (every
     * resource exists) and built by the tests with kubectl kustomize; no JSON Schema of it is bundled.
     */
    private static final Source KUSTOMIZATION_RULE = new Source(
            "envforge's kustomization rule",
            "envforge's" + " kustomization rule (no JSON Schema bundled)",
            "",
            () -> null);

    private Optional<Source> lookup(String apiVersion, String kind) {
        String lower = kind.toLowerCase(Locale.ROOT);
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        boolean core = group.isEmpty() || !group.contains(".") || group.endsWith(".k8s.io") && !group.contains("x-k8s");
        String crd = group + "/" + lower + "_" + version + ".json";
        if (core && kubernetes.isPresent()) {
            String label = group.isEmpty()
                    ? ""
                    : "-" + group.substring(0, group.indexOf('.') < 0 ? group.length() : group.indexOf('.'));
            Optional<Source> user = folder(
                    root.get(),
                    root.get()
                            .relativize(kubernetes.get())
                            .resolve(lower + label + "-" + version + ".json")
                            .toString());
            if (user.isPresent()) {
                return user;
            }
        }
        Optional<Source> user = root.flatMap(r -> folder(r, "crds/" + crd));
        if (user.isPresent()) {
            return user;
        }
        if (core && KubernetesSchemas.available()) {
            Optional<ObjectNode> bundled = KubernetesSchemas.schema(apiVersion, kind);
            if (bundled.isPresent()) {
                return Optional.of(new Source(
                        KubernetesSchemas.LABEL,
                        KubernetesSchemas.LABEL,
                        "k8s:" + apiVersion + " " + kind,
                        bundled::get));
            }
        }
        URL url = SchemaRule.class.getClassLoader().getResource(BUNDLED + crd);
        if (url == null) {
            return Optional.empty();
        }
        String label = "CRD " + crd + " from " + Provenance.source(crd) + ", bundled";
        return Optional.of(new Source(label, label, url.toString(), () -> read(url)));
    }

    private static Optional<Source> folder(Path root, String relative) {
        Path path = root.resolve(relative);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        return Optional.of(new Source(
                root + "/" + relative, "the schema folder " + root, path.toUri().toString(), () -> read(url(path))));
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(path.toString(), e);
        }
    }

    private static JsonNode read(URL url) {
        try (InputStream in = url.openStream()) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + url, e);
        }
    }

    private static Optional<JsonSchema> load(Source source) {
        JsonNode node = source.schema().get();
        if (!(node instanceof ObjectNode object)) {
            return Optional.empty();
        }
        // Schemas name draft-04 or an unversioned meta-schema by URL; they are read as draft-07 offline.
        object.remove("$schema");
        object.remove("$id");
        return Optional.of(FACTORY.getSchema(object, EcmaPatterns.config()));
    }

    private static JsonSchemaFactory factory() {
        JsonMetaSchema v7 = JsonMetaSchema.getV7();
        JsonMetaSchema meta = JsonMetaSchema.builder(v7.getIri(), v7)
                .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
                .build();
        return JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7))
                .metaSchema(meta)
                .defaultMetaSchemaIri(meta.getIri())
                .build();
    }

    /** The module each bundled CRD schema was derived from, read from {@code PROVENANCE.json}. */
    private static final class Provenance {

        private static final Map<String, String> SOURCES = read();

        static String source(String schema) {
            return SOURCES.getOrDefault(schema, "an unrecorded source");
        }

        private static Map<String, String> read() {
            Map<String, String> out = new HashMap<>();
            URL url = SchemaRule.class.getClassLoader().getResource(BUNDLED + "PROVENANCE.json");
            if (url != null) {
                for (JsonNode s : SchemaRule.read(url).path("schemas")) {
                    String source = s.path("source").asText();
                    out.put(
                            s.path("schema").asText(),
                            source.contains(" ") ? source.substring(0, source.indexOf(' ')) : source);
                }
            }
            return out;
        }
    }
}
