package io.envforge.validate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.envforge.spec.EcmaPatterns;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates every object against a strict JSON Schema picked by apiVersion and kind from a schema folder laid out as
 * {@code kubernetes/<version>-standalone-strict/<kind>-<group>-<version>.json} and
 * {@code crds/<group>/<kind>_<version>.json}; kustomization files against {@code schemastore/kustomization.json}.
 * Schemas are loaded once and shared by all threads.
 */
public final class SchemaRule implements Rule {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    private final Path root;
    private final Path kubernetes;
    private final Map<String, Optional<JsonSchema>> cache = new ConcurrentHashMap<>();
    /** Schema file by kustomization / apiVersion + kind: a fleet run asks some 40,000 times for a dozen kinds. */
    private final Map<String, Optional<Source>> files = new ConcurrentHashMap<>();

    /** Where a schema comes from: a file of the schema folder, or one bundled with envforge (see {@link #BUNDLED}). */
    private record Source(String label, URL url) {
    }

    /**
     * CRD schemas the shared schema folder lacks, written for envforge from the CRD's field list and bundled as
     * resources: {@code io/envforge/schemas/crds/<group>/<kind>_<version>.json}. Used only when the folder has no file
     * for that kind, so a folder that gains one wins.
     */
    static final String BUNDLED = "io/envforge/schemas/crds/";

    /** {@code root} holds {@code kubernetes/}, {@code crds/} and {@code schemastore/}. */
    public SchemaRule(Path root) {
        this.root = root;
        this.kubernetes = findKubernetes(root);
    }

    private static Path findKubernetes(Path root) {
        try (var dirs = Files.list(root.resolve("kubernetes"))) {
            return dirs.filter(Files::isDirectory).sorted().reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalArgumentException("no schema version folder in " + root));
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
            Optional<Source> schemaFile = schemaFor(file, doc);
            if (schemaFile.isEmpty()) {
                findings.add(Finding.warning(file, ObjectIds.id(doc), "no schema for " + doc.get("apiVersion") + " "
                        + doc.get("kind") + "; not validated"));
                continue;
            }
            Optional<JsonSchema> schema = cache.computeIfAbsent(schemaFile.get().url().toString(),
                    k -> load(schemaFile.get()));
            if (schema.isEmpty()) {
                continue;
            }
            TreeSet<String> messages = new TreeSet<>();
            for (ValidationMessage m : schema.get().validate(JSON.valueToTree(doc))) {
                messages.add(m.getMessage());
            }
            messages.forEach(m -> findings.add(Finding.error(file, ObjectIds.id(doc), m + " (schema "
                    + schemaFile.get().label() + ")")));
        }
    }

    private Optional<Source> schemaFor(String file, Map<String, Object> doc) {
        if (file.endsWith("kustomization.yaml")) {
            return files.computeIfAbsent("", k -> existing(root.resolve("schemastore/kustomization.json")));
        }
        String apiVersion = String.valueOf(doc.get("apiVersion"));
        String kind = String.valueOf(doc.get("kind")).toLowerCase(Locale.ROOT);
        return files.computeIfAbsent(apiVersion + " " + kind, k -> schemaFor(apiVersion, kind));
    }

    private Optional<Source> schemaFor(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        if (group.isEmpty() || !group.contains(".") || group.endsWith(".k8s.io") && !group.contains("x-k8s")) {
            String label = group.isEmpty() ? "" : "-" + group.substring(0, group.indexOf('.') < 0 ? group.length()
                    : group.indexOf('.'));
            Optional<Source> core = existing(kubernetes.resolve(kind + label + "-" + version + ".json"));
            if (core.isPresent()) {
                return core;
            }
        }
        String crd = group + "/" + kind + "_" + version + ".json";
        Optional<Source> shared = existing(root.resolve("crds").resolve(crd));
        if (shared.isPresent()) {
            return shared;
        }
        URL bundled = SchemaRule.class.getClassLoader().getResource(BUNDLED + crd);
        return bundled == null ? Optional.empty() : Optional.of(new Source("bundled with envforge: " + BUNDLED + crd,
                bundled));
    }

    private Optional<Source> existing(Path path) {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Source(root.relativize(path).toString(), path.toUri().toURL()));
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(path.toString(), e);
        }
    }

    private static Optional<JsonSchema> load(Source source) {
        try (InputStream in = source.url().openStream()) {
            // Schemas name draft-04 or an unversioned meta-schema by URL; they are read as draft-07 offline.
            com.fasterxml.jackson.databind.node.ObjectNode node =
                    (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(in);
            node.remove("$schema");
            node.remove("$id");
            return Optional.of(FACTORY.getSchema(node, EcmaPatterns.config()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + source.label(), e);
        }
    }
}
