package io.envforge.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Kubernetes schemas bundled with envforge: the OpenAPI (Swagger 2.0) definitions of the Kubernetes version the
 * clusters run, {@code api/openapi-spec/swagger.json} of the {@code k8s.io/kubernetes} module (the build extracts it
 * from the module's zip on the Go module proxy, version and SHA-256 pinned in the parent pom, and writes
 * {@code source.properties} beside it), turned into one strict standalone JSON
 * Schema per kind on first use, as openapi2jsonschema's {@code --strict} does for kubeconform: every object that lists
 * its properties refuses others, optional fields may be null, int-or-string and quantities accept both forms, and the
 * object's {@code apiVersion} and {@code kind} must be the ones asked for. Thread-safe; the file is read once.
 */
final class KubernetesSchemas {

    /** The definitions, and where the build says they came from. */
    static final String RESOURCE = "io/envforge/schemas/kubernetes/swagger.json";

    private static final String SOURCE = "io/envforge/schemas/kubernetes/source.properties";

    private static final Properties FROM = source();

    /** The Kubernetes version of the definitions, e.g. {@code 1.32.13}. */
    static final String VERSION = FROM.getProperty("version", "unknown version");

    /** What reports say was validated against. */
    static final String LABEL = "Kubernetes " + VERSION + " (" + FROM.getProperty("file", RESOURCE) + " from "
            + FROM.getProperty("module", "an unknown source") + ", bundled)";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> DROPPED = Set.of(
            "description",
            "format",
            "x-kubernetes-group-version-kind",
            "x-kubernetes-list-map-keys",
            "x-kubernetes-list-type",
            "x-kubernetes-map-type",
            "x-kubernetes-patch-merge-key",
            "x-kubernetes-patch-strategy",
            "x-kubernetes-unions");

    private static volatile Map<String, String> names;
    private static volatile JsonNode definitions;

    private KubernetesSchemas() {}

    /** True when the bundled definitions are on the class path. */
    static boolean available() {
        return KubernetesSchemas.class.getClassLoader().getResource(RESOURCE) != null;
    }

    /**
     * The strict schema of {@code apiVersion}'s {@code kind} (case-insensitive), whose group is named by its first label
     * as in the definitions ({@code apps}, {@code networking}, {@code rbac}); empty when the API has no such kind.
     */
    static Optional<ObjectNode> schema(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "core" : apiVersion.substring(0, slash);
        int dot = group.indexOf('.');
        String label = dot < 0 ? group : group.substring(0, dot);
        String version = apiVersion.substring(slash + 1);
        String name = index().get(("io.k8s.api." + label + "." + version + "." + kind).toLowerCase(Locale.ROOT));
        if (name == null) {
            return Optional.empty();
        }
        ObjectNode schema = standalone(name);
        ObjectNode props = (ObjectNode) schema.get("properties");
        props.set(
                "apiVersion",
                NODES.objectNode()
                        .put("type", "string")
                        .set("enum", NODES.arrayNode().add(apiVersion)));
        props.set(
                "kind",
                NODES.objectNode()
                        .put("type", "string")
                        .set("enum", NODES.arrayNode().add(name.substring(name.lastIndexOf('.') + 1))));
        ArrayNode required = NODES.arrayNode().add("apiVersion").add("kind");
        schema.withArray("required").forEach(r -> {
            if (!r.asText().equals("apiVersion") && !r.asText().equals("kind")) {
                required.add(r);
            }
        });
        schema.set("required", required);
        return Optional.of(schema);
    }

    /** The definition {@code name} with every definition it refers to, made strict. */
    private static ObjectNode standalone(String name) {
        JsonNode all = definitions();
        ObjectNode defs = NODES.objectNode();
        Deque<String> todo = new ArrayDeque<>(java.util.List.of(name));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (defs.has(next) || !all.has(next)) {
                continue;
            }
            ObjectNode def = strict(all.get(next), todo);
            defs.set(next, def);
        }
        ObjectNode root = ((ObjectNode) defs.get(name)).deepCopy();
        // Kubernetes reads an optional field set to null as absent; a referenced object may be null.
        defs.forEach(def -> nullable((ObjectNode) def));
        root.set("definitions", defs);
        return root;
    }

    /** A copy of {@code schema} made strict; the definitions it refers to are added to {@code refs}. */
    private static ObjectNode strict(JsonNode schema, Deque<String> refs) {
        ObjectNode out = NODES.objectNode();
        if (schema.path("format").asText().equals("int-or-string")) {
            return anyOf("string", "integer");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = schema.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String key = f.getKey();
            JsonNode value = f.getValue();
            if (DROPPED.contains(key)) {
                continue;
            }
            switch (key) {
                case "$ref" -> {
                    String ref = value.asText().substring("#/definitions/".length());
                    refs.add(ref);
                    out.put("$ref", "#/definitions/" + ref);
                }
                case "properties" -> {
                    ObjectNode props = NODES.objectNode();
                    Set<String> required = new TreeSet<>();
                    schema.path("required").forEach(r -> required.add(r.asText()));
                    value.fields()
                            .forEachRemaining(p -> props.set(
                                    p.getKey(),
                                    required.contains(p.getKey())
                                            ? strict(p.getValue(), refs)
                                            : nullable(strict(p.getValue(), refs))));
                    out.set("properties", props);
                }
                case "items", "additionalProperties" -> out.set(key, value.isObject() ? strict(value, refs) : value);
                default -> out.set(key, value);
            }
        }
        if (out.has("properties") && !out.has("additionalProperties")) {
            out.put("additionalProperties", false);
        }
        return out;
    }

    /**
     * Kubernetes reads an optional field set to null as absent: the schema allows null beside the field's type (a
     * {@code $ref} is made nullable in its definition).
     */
    private static ObjectNode nullable(ObjectNode schema) {
        if (schema.has("anyOf")) {
            ((ArrayNode) schema.get("anyOf")).add(NODES.objectNode().put("type", "null"));
        }
        if (schema.path("type").isTextual()) {
            schema.set(
                    "type", NODES.arrayNode().add(schema.get("type").asText()).add("null"));
        }
        return schema;
    }

    private static ObjectNode anyOf(String... types) {
        ArrayNode list = NODES.arrayNode();
        for (String t : types) {
            list.add(NODES.objectNode().put("type", t));
        }
        ObjectNode out = NODES.objectNode();
        out.set("anyOf", list);
        return out;
    }

    private static Map<String, String> index() {
        Map<String, String> local = names;
        if (local == null) {
            Map<String, String> built = new HashMap<>();
            definitions().fieldNames().forEachRemaining(n -> built.put(n.toLowerCase(Locale.ROOT), n));
            names = local = built;
        }
        return local;
    }

    private static JsonNode definitions() {
        JsonNode local = definitions;
        if (local == null) {
            synchronized (KubernetesSchemas.class) {
                if (definitions == null) {
                    definitions = read();
                }
                local = definitions;
            }
        }
        return local;
    }

    private static JsonNode read() {
        try (InputStream in = KubernetesSchemas.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path: envforge-core's build extracts"
                        + " it (maven-antrun-plugin in generator/core/pom.xml)");
            }
            ObjectNode defs = (ObjectNode) new ObjectMapper().readTree(in).get("definitions");
            // A quantity is written as a string or a plain number (resources.requests.cpu: 1).
            defs.set("io.k8s.apimachinery.pkg.api.resource.Quantity", anyOf("string", "number"));
            return defs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled Kubernetes definitions " + RESOURCE, e);
        }
    }

    private static Properties source() {
        Properties p = new Properties();
        try (InputStream in = KubernetesSchemas.class.getClassLoader().getResourceAsStream(SOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // reported as an unknown version
        }
        return p;
    }
}
