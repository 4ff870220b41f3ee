package io.envforge.validate;

import io.envforge.render.Layout;
import io.envforge.render.OutputTree;
import io.envforge.render.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs the rules over every generated manifest of a tree ({@code overlays/} and {@code clusters/} YAML, not the
 * Helm values files) and returns the report. Pure: reads the tree, writes nothing.
 */
public final class Validator {

    private final Optional<SchemaRule> schemas;
    private final Optional<Path> missing;
    private final Supplier<List<Rule>> rules;

    /**
     * {@code schemaRoot}: the schema folder, or empty to skip schema validation (reported as a note); a folder that
     * does not exist skips it too, reported as a warning.
     */
    public Validator(Optional<Path> schemaRoot) {
        this.missing = schemaRoot.filter(root -> !Files.isDirectory(root));
        this.schemas = schemaRoot.filter(Files::isDirectory).map(SchemaRule::new);
        this.rules = () -> {
            List<Rule> list = new ArrayList<>(List.of(new NoPlaintextSecretRule(), new KustomizationRule(),
                    new UniqueObjectRule()));
            schemas.ifPresent(list::add);
            return list;
        };
    }

    public Report validate(OutputTree tree) {
        List<Finding> findings = new ArrayList<>();
        List<Rule> active = rules.get();
        for (Map.Entry<String, String> file : tree.files().entrySet()) {
            if (!isManifest(file.getKey())) {
                continue;
            }
            List<Map<String, Object>> docs;
            try {
                docs = tree.documents(file.getKey()).orElseGet(() -> Yaml.loadAll(file.getValue()));
            } catch (RuntimeException e) {
                findings.add(Finding.error(file.getKey(), "", "generated YAML does not parse: " + e.getMessage()));
                continue;
            }
            for (Rule rule : active) {
                rule.check(file.getKey(), docs, tree.files(), findings);
            }
        }
        if (missing.isPresent()) {
            findings.add(Finding.warning(missing.get().toString(), "", "schema folder not found: manifests are not"
                    + " checked against schemas (set envforge.schemas or --schemas to the folder)"));
        } else if (schemas.isEmpty()) {
            findings.add(new Finding(Finding.Severity.INFO, "(all)", "", "schema validation skipped: no schema"
                    + " folder given (set envforge.schemas or --schemas)"));
        }
        return new Report(findings);
    }

    static boolean isManifest(String path) {
        return Layout.MANIFEST_ROOTS.stream().anyMatch(path::startsWith) && path.endsWith(".yaml")
                && !path.endsWith(".values.yaml");
    }
}
