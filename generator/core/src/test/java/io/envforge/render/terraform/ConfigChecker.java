package io.envforge.render.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks parsed Terraform files against the provider schemas: every resource, data source and ephemeral resource
 * type exists, every argument and nested block it uses exists (also inside {@code dynamic} blocks), no argument is
 * read-only or deprecated, and every required argument and block is set. Provider blocks are checked the same way
 * when the schema file has the provider's block.
 * Module calls must set only the module's variables and all of its variables without a default; every {@code var.x}
 * is declared and every {@code module.m.o} is an output of the module called as m.
 */
final class ConfigChecker {

    /**
     * Types of providers without a schema here that a configuration may use, by kind: random, and helm, kubernetes and
     * fluxcd/flux (stage 2), and Terraform's built-in terraform_remote_state. Their arguments are not checked.
     */
    static final Map<String, Set<String>> ALLOWED_OTHER = Map.of(
            "resource",
                    Set.of(
                            "random_password",
                            "time_sleep",
                            "helm_release",
                            "kubernetes_manifest",
                            "flux_bootstrap_git"),
            "ephemeral", Set.of("random_password"),
            "data", Set.of("terraform_remote_state"));

    /** Providers without a schema here whose configuration blocks are allowed, unchecked (stage 2). */
    static final Set<String> ALLOWED_OTHER_PROVIDERS = Set.of("helm", "kubernetes", "flux");

    private static final Set<String> RESOURCE_META =
            Set.of("count", "for_each", "depends_on", "provider", "lifecycle", "provisioner", "connection");
    private static final Set<String> MODULE_META =
            Set.of("source", "version", "count", "for_each", "depends_on", "providers");
    private static final Map<String, String> KINDS = Map.of(
            "resource", "resource_schemas", "data", "data_source_schemas", "ephemeral", "ephemeral_resource_schemas");

    private final Map<Path, JsonNode> files;
    private final List<String> findings = new ArrayList<>();

    ConfigChecker(Map<Path, JsonNode> files) {
        this.files = files;
    }

    /** Findings for every file, each naming the file and the address ({@code aws_vpc.this.cidr_block}). */
    List<String> check() {
        files.forEach((path, json) -> checkFile(path, json));
        return findings;
    }

    private void checkFile(Path file, JsonNode json) {
        for (String kind : KINDS.keySet()) {
            for (Map.Entry<String, JsonNode> type : fields(json.path(kind))) {
                for (Map.Entry<String, JsonNode> named : fields(type.getValue())) {
                    for (JsonNode body : named.getValue()) {
                        checkTyped(file, kind, type.getKey(), named.getKey(), body);
                    }
                }
            }
        }
        for (Map.Entry<String, JsonNode> provider : fields(json.path("provider"))) {
            if (!ProviderSchemas.knows(provider.getKey())) {
                if (!ALLOWED_OTHER_PROVIDERS.contains(provider.getKey())) {
                    findings.add(file + ": provider " + provider.getKey() + " has no schema here");
                }
                continue;
            }
            JsonNode schema = ProviderSchemas.providerBlock(provider.getKey());
            // The shared schema files carry no provider block (their "provider" entry is 0): nothing to check then.
            for (JsonNode body : schema.isObject() ? provider.getValue() : List.<JsonNode>of()) {
                checkBody(file + ": provider." + provider.getKey(), body, schema, Set.of("alias"));
            }
        }
        for (Map.Entry<String, JsonNode> module : fields(json.path("module"))) {
            for (JsonNode body : module.getValue()) {
                checkModuleCall(file, module.getKey(), body);
            }
        }
        checkReferences(file, json);
    }

    /** Every {@code var.x} is a variable of the folder, every {@code module.m.o} an output of module m. */
    private void checkReferences(Path file, JsonNode json) {
        String text = String.join("\n", expressions(json, new ArrayList<>()));
        Set<String> variables = names(file.getParent(), "variable");
        java.util.regex.Matcher var = VAR.matcher(text);
        while (var.find()) {
            if (!variables.contains(var.group(1))) {
                findings.add(file + ": var." + var.group(1) + " is not declared");
            }
        }
        java.util.regex.Matcher mod = MODULE_OUTPUT.matcher(text);
        while (mod.find()) {
            Path dir = moduleDir(file.getParent(), mod.group(1));
            if (dir == null) {
                findings.add(file + ": module." + mod.group(1) + " is not called here");
            } else if (!names(dir, "output").contains(mod.group(2))) {
                findings.add(file + ": module." + mod.group(1) + " has no output " + mod.group(2));
            }
        }
    }

    private static final java.util.regex.Pattern VAR = java.util.regex.Pattern.compile("\\bvar\\.([a-z0-9_]+)");
    private static final java.util.regex.Pattern MODULE_OUTPUT =
            java.util.regex.Pattern.compile("\\bmodule\\.([a-z0-9_]+)\\.([a-z0-9_]+)");

    /** String values holding an expression ({@code ${...}}); plain strings such as error messages are left out. */
    private static List<String> expressions(JsonNode node, List<String> out) {
        if (node.isTextual() && node.asText().contains("${")) {
            out.add(node.asText());
        }
        node.forEach(child -> expressions(child, out));
        return out;
    }

    /** Names of the top-level blocks of one kind ({@code variable}, {@code output}) across a folder's files. */
    private Set<String> names(Path dir, String kind) {
        Set<String> out = new HashSet<>();
        files.forEach((path, json) -> {
            if (path.getParent().equals(dir)) {
                fields(json.path(kind)).forEach(e -> out.add(e.getKey()));
            }
        });
        return out;
    }

    private Path moduleDir(Path dir, String call) {
        for (Map.Entry<Path, JsonNode> f : files.entrySet()) {
            JsonNode body = f.getValue().path("module").path(call);
            if (f.getKey().getParent().equals(dir) && body.isArray()) {
                return dir.resolve(body.get(0).path("source").asText()).normalize();
            }
        }
        return null;
    }

    private void checkTyped(Path file, String kind, String type, String name, JsonNode body) {
        String where = file + ": " + (kind.equals("resource") ? "" : kind + ".") + type + "." + name;
        if (!ProviderSchemas.knows(ProviderSchemas.providerOf(type))) {
            if (!ALLOWED_OTHER.get(kind).contains(type)) {
                findings.add(where + ": " + kind + " type " + type + " is not on the allow-list of other providers");
            }
            return;
        }
        ProviderSchemas.block(KINDS.get(kind), type)
                .ifPresentOrElse(
                        schema -> checkBody(where, body, schema, RESOURCE_META),
                        () -> findings.add(where + ": unknown " + kind + " type " + type));
    }

    /** Checks one block body against its schema block. */
    void checkBody(String where, JsonNode body, JsonNode schema, Set<String> meta) {
        JsonNode attributes = schema.path("attributes");
        JsonNode blocks = schema.path("block_types");
        Set<String> present = new HashSet<>();
        for (Map.Entry<String, JsonNode> field : fields(body)) {
            String name = field.getKey();
            if (meta.contains(name)) {
                continue;
            }
            if (name.equals("dynamic")) {
                checkDynamic(where, field.getValue(), blocks, present);
            } else if (attributes.has(name)) {
                present.add(name);
                checkAttribute(where + "." + name, attributes.get(name));
            } else if (blocks.has(name)) {
                present.add(name);
                checkBlocks(where + "." + name, field.getValue(), blocks.get(name));
            } else {
                findings.add(where + ": unknown argument or block \"" + name + "\"");
            }
        }
        for (Map.Entry<String, JsonNode> a : fields(attributes)) {
            if (a.getValue().path("required").asBoolean() && !present.contains(a.getKey())) {
                findings.add(where + ": missing required argument \"" + a.getKey() + "\"");
            }
        }
        for (Map.Entry<String, JsonNode> b : fields(blocks)) {
            if (b.getValue().path("min_items").asInt() > 0 && !present.contains(b.getKey())) {
                findings.add(where + ": missing required block \"" + b.getKey() + "\"");
            }
        }
    }

    private void checkAttribute(String where, JsonNode attribute) {
        boolean settable = attribute.path("required").asBoolean()
                || attribute.path("optional").asBoolean();
        if (!settable) {
            findings.add(where + ": read-only attribute set");
        }
        if (attribute.path("deprecated").asBoolean()) {
            findings.add(where + ": deprecated attribute");
        }
    }

    private void checkBlocks(String where, JsonNode value, JsonNode blockType) {
        if (!value.isArray()) {
            findings.add(where + ": is a block, written as an argument");
            return;
        }
        int max = blockType.path("max_items").asInt(0);
        if (max > 0 && value.size() > max) {
            findings.add(where + ": at most " + max + " block(s), found " + value.size());
        }
        for (JsonNode element : value) {
            checkBody(where, element, blockType.path("block"), Set.of());
        }
    }

    private void checkDynamic(String where, JsonNode dynamic, JsonNode blocks, Set<String> present) {
        for (Map.Entry<String, JsonNode> d : fields(dynamic)) {
            if (!blocks.has(d.getKey())) {
                findings.add(where + ": unknown block \"" + d.getKey() + "\" (dynamic)");
                continue;
            }
            present.add(d.getKey());
            for (JsonNode spec : d.getValue()) {
                for (JsonNode content : spec.path("content")) {
                    checkBody(
                            where + "." + d.getKey(),
                            content,
                            blocks.get(d.getKey()).path("block"),
                            Set.of());
                }
            }
        }
    }

    private void checkModuleCall(Path file, String name, JsonNode body) {
        String where = file + ": module." + name;
        String source = body.path("source").asText();
        if (!source.startsWith("./") && !source.startsWith("../")) {
            findings.add(where + ": source " + source + " is not a local module");
            return;
        }
        Path dir = file.getParent().resolve(source).normalize();
        Map<String, Boolean> variables = new java.util.TreeMap<>();
        files.forEach((path, json) -> {
            if (path.getParent().equals(dir)) {
                fields(json.path("variable"))
                        .forEach(v ->
                                variables.put(v.getKey(), v.getValue().get(0).has("default")));
            }
        });
        if (variables.isEmpty()) {
            findings.add(where + ": no variables found in module " + dir);
        }
        for (Map.Entry<String, JsonNode> arg : fields(body)) {
            if (!MODULE_META.contains(arg.getKey()) && !variables.containsKey(arg.getKey())) {
                findings.add(where + ": module " + source + " has no variable \"" + arg.getKey() + "\"");
            }
        }
        variables.forEach((variable, hasDefault) -> {
            if (!hasDefault && !body.has(variable)) {
                findings.add(where + ": missing required variable \"" + variable + "\"");
            }
        });
    }

    static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        Iterator<Map.Entry<String, JsonNode>> it =
                node.isObject() ? node.fields() : java.util.Collections.emptyIterator();
        return () -> it;
    }
}
