package io.envforge.render.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.envforge.render.Yaml;
import io.envforge.spec.EcmaPatterns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A chart's {@code values.schema.json}, compiled once, and its {@code values.yaml}: checks values as Helm does before
 * it renders. Helm v3.21.0 validates the coalesced values ({@link CoalescedValues}) against the chart's schema in
 * {@code pkg/chartutil/values.go} {@code ToRenderValuesWithSchemaValidation} → {@code pkg/chartutil/jsonschema.go}
 * {@code ValidateAgainstSchema}, which compiles the schema again on every call (about a fifth of Helm's CPU in a
 * fleet run); here it is compiled once per chart and shared by the render threads (a compiled networknt schema is
 * immutable). The schema is read as draft-07, the draft the charts declare, with ECMA-262 pattern anchors
 * ({@link EcmaPatterns}, like Go's RE2 {@code $} without the multiline flag). The chart's values.yaml is read as
 * YAML 1.2, Helm reads it as YAML 1.1 (go-yaml v2 through sigs.k8s.io/yaml: a plain {@code n} is the boolean false
 * there): {@link #readsAlike} tells whether both readings agree.
 */
final class ValuesSchema {

    /**
     * One value the schema refuses: its JSON pointer in the values, what is wrong, the value (null: none) and the
     * rule's place in the schema ({@code #/properties/replicaCount/maximum}).
     */
    record Error(String pointer, String message, String value, String rule) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory DRAFT7 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder(EcmaPatterns.config())
            .pathType(PathType.JSON_POINTER)
            .locale(Locale.ENGLISH)
            .build();

    private final Map<String, Object> defaults;
    private final JsonSchema schema;

    private ValuesSchema(Map<String, Object> defaults, JsonSchema schema) {
        this.defaults = defaults;
        this.schema = schema;
    }

    /**
     * Whether {@code chart}'s schema declares draft-07, the draft this class reads. Helm's validator
     * (santhosh-tekuri/jsonschema v6) takes the draft from {@code $schema} and defaults to 2020-12 without one.
     */
    static boolean isDraft07(Path chart) {
        try {
            String declared = JSON.readTree(Files.readString(chart.resolve(HelmChart.SCHEMA)))
                    .path("$schema")
                    .asText("");
            return declared.replaceFirst("^https?://", "")
                    .replaceFirst("#$", "")
                    .equals("json-schema.org/draft-07/schema");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the values schema of chart " + chart, e);
        }
    }

    /** The schema and defaults of {@code chart}, which must have a {@code values.schema.json}. */
    static ValuesSchema load(Path chart) {
        try {
            JsonNode node = JSON.readTree(Files.readString(chart.resolve(HelmChart.SCHEMA)));
            if (node instanceof ObjectNode object) {
                object.remove("$schema"); // read as draft-07 offline, never fetched
                object.remove("$id");
            }
            JsonSchema schema = DRAFT7.getSchema(node, CONFIG);
            schema.initializeValidators();
            Path values = chart.resolve("values.yaml");
            Map<String, Object> defaults = Files.isRegularFile(values)
                    ? Yaml.loadAll(Files.readString(values)).stream()
                            .findFirst()
                            .orElseGet(LinkedHashMap::new)
                    : new LinkedHashMap<>();
            return new ValuesSchema(defaults, schema);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the values schema of chart " + chart, e);
        }
    }

    /**
     * The plain scalars both readers take alike: Helm's go.yaml.in/yaml v2 ({@code resolve.go}: YAML 1.1 words such as
     * y/n/yes/no/on/off/True/NULL/~, ints with a sign, 0x/0o/0b prefixes, underscores or base 60, floats such as
     * .5 and 1e3, timestamps) and envforge's snakeyaml-engine (YAML 1.2, JSON schema) agree on empty (null),
     * {@code true}, {@code false}, {@code null}, decimal integers and fractions, text that starts with a letter or a
     * {@code /} (v2 resolves a whole scalar only, and no number, null or timestamp starts so), and
     * Kubernetes quantities and durations ({@code 512Mi}, {@code 250m}, {@code 30s}). Anything else is taken as read
     * otherwise: an allow list, so a form not thought of here leaves the chart to Helm's own check.
     */
    private static final Pattern ALIKE = Pattern.compile("(?s)|true|false|null|-?(0|[1-9][0-9]*)(\\.[0-9]+)?"
            + "|[A-Za-z/].*"
            + "|[1-9][0-9]*(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E|m|ms|us|ns|s|h)");

    /** YAML 1.1's booleans and nulls (any case but the lowercase 1.2 forms), which match {@link #ALIKE}'s words. */
    private static final Pattern YAML11_WORDS = Pattern.compile("(?i)y|n|yes|no|on|off|true|false|null");

    private static boolean alike(String plain) {
        return ALIKE.matcher(plain).matches()
                && (!YAML11_WORDS.matcher(plain).matches()
                        || plain.equals("true")
                        || plain.equals("false")
                        || plain.equals("null"));
    }

    /** Whether {@code yamlText} has no plain scalar (key or value) that Helm's YAML 1.1 reads otherwise. */
    static boolean readsAlike(String yamlText) {
        for (Node doc : new Compose(LoadSettings.builder().build()).composeAllFromString(yamlText)) {
            if (!readsAlike(doc)) {
                return false;
            }
        }
        return true;
    }

    private static boolean readsAlike(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getScalarStyle() != ScalarStyle.PLAIN || alike(scalar.getValue());
        }
        if (node instanceof SequenceNode seq) {
            return seq.getValue().stream().allMatch(ValuesSchema::readsAlike);
        }
        if (node instanceof MappingNode map) {
            return map.getValue().stream().allMatch(t -> readsAlike(t.getKeyNode()) && readsAlike(t.getValueNode()));
        }
        return true;
    }

    /** What the schema refuses in {@code given} coalesced with the chart's defaults, in pointer order. */
    List<Error> check(Map<String, Object> given) {
        JsonNode values = JSON.valueToTree(CoalescedValues.of(given, defaults));
        List<Error> out = new ArrayList<>();
        for (ValidationMessage m : schema.validate(values)) {
            String pointer = m.getInstanceLocation().toString();
            String value = m.getInstanceNode() == null || m.getInstanceNode().isContainerNode()
                    ? null
                    : m.getInstanceNode().asText();
            if (m.getProperty() != null) { // an unknown or a missing key: point at the key itself
                pointer = pointer + "/" + m.getProperty();
                value = m.getType().equals("additionalProperties") ? m.getProperty() : null;
            }
            out.add(new Error(
                    pointer, m.getError(), value, m.getSchemaLocation().toString()));
        }
        out.sort(Comparator.comparing(Error::pointer).thenComparing(Error::message));
        return out;
    }
}
