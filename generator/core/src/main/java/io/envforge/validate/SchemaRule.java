package io.envforge.validate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
    private final Map<Path, Optional<JsonSchema>> cache = new ConcurrentHashMap<>();
    /** Schema file by kustomization / apiVersion + kind: a fleet run asks some 40,000 times for a dozen kinds. */
    private final Map<String, Optional<Path>> files = new ConcurrentHashMap<>();

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
            Optional<Path> schemaFile = schemaFor(file, doc);
            if (schemaFile.isEmpty()) {
                findings.add(Finding.warning(file, Objects.id(doc), "no schema for " + doc.get("apiVersion") + " "
                        + doc.get("kind") + "; not validated"));
                continue;
            }
            Optional<JsonSchema> schema = cache.computeIfAbsent(schemaFile.get(), SchemaRule::load);
            if (schema.isEmpty()) {
                continue;
            }
            TreeSet<String> messages = new TreeSet<>();
            for (ValidationMessage m : schema.get().validate(JSON.valueToTree(doc))) {
                messages.add(m.getMessage());
            }
            messages.forEach(m -> findings.add(Finding.error(file, Objects.id(doc), m + " (schema "
                    + root.relativize(schemaFile.get()) + ")")));
        }
    }

    private Optional<Path> schemaFor(String file, Map<String, Object> doc) {
        if (file.endsWith("kustomization.yaml")) {
            return files.computeIfAbsent("", k -> existing(root.resolve("schemastore/kustomization.json")));
        }
        String apiVersion = String.valueOf(doc.get("apiVersion"));
        String kind = String.valueOf(doc.get("kind")).toLowerCase(Locale.ROOT);
        return files.computeIfAbsent(apiVersion + " " + kind, k -> schemaFor(apiVersion, kind));
    }

    private Optional<Path> schemaFor(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        if (group.isEmpty() || !group.contains(".") || group.endsWith(".k8s.io") && !group.contains("x-k8s")) {
            String label = group.isEmpty() ? "" : "-" + group.substring(0, group.indexOf('.') < 0 ? group.length()
                    : group.indexOf('.'));
            Optional<Path> core = existing(kubernetes.resolve(kind + label + "-" + version + ".json"));
            if (core.isPresent()) {
                return core;
            }
        }
        return existing(root.resolve("crds").resolve(group).resolve(kind + "_" + version + ".json"));
    }

    private static Optional<Path> existing(Path path) {
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    private static Optional<JsonSchema> load(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            // Schemas name draft-04 or an unversioned meta-schema by URL; they are read as draft-07 offline.
            com.fasterxml.jackson.databind.node.ObjectNode node =
                    (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(in);
            node.remove("$schema");
            node.remove("$id");
            return Optional.of(FACTORY.getSchema(node));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + path, e);
        }
    }
}
