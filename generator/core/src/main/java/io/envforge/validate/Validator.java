package io.envforge.validate;

import io.envforge.cache.DiskCache;
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
    private final DiskCache cache;

    /**
     * {@code schemaRoot}: the schema folder, or empty to skip schema validation (reported as a note); a folder that
     * does not exist skips it too, reported as a warning.
     */
    public Validator(Optional<Path> schemaRoot) {
        this(schemaRoot, DiskCache.none());
    }

    /** As above; the schema rule's findings are kept in {@code cache} per file text (see {@link SchemaResults}). */
    public Validator(Optional<Path> schemaRoot, DiskCache cache) {
        this.cache = cache;
        this.missing = schemaRoot.filter(root -> !Files.isDirectory(root));
        this.schemas = schemaRoot.filter(Files::isDirectory).map(SchemaRule::new);
        this.rules = () -> {
            List<Rule> list = new ArrayList<>(List.of(new NoPlaintextSecretRule(), new KustomizationRule(),
                    new UniqueObjectRule()));
            return list;
        };
    }

    public Report validate(OutputTree tree) {
        return validate(tree, "");
    }

    /**
     * Validates {@code tree}; with a cache and a non-empty {@code bucket} (the environment): when every manifest's
     * path and text are what the bucket's last validation saw (against the same schemas), its findings are taken
     * from the cache without parsing a document (every rule is a function of the tree's manifests); otherwise the
     * schema findings of each file whose text was validated before are.
     */
    public Report validate(OutputTree tree, String bucket) {
        List<Finding> findings = new ArrayList<>();
        List<Rule> active = rules.get();
        Optional<SchemaResults> results = schemas.filter(s -> cache.enabled() && !bucket.isEmpty())
                .map(s -> new SchemaResults(cache, s.schemaSetDigest()));
        String whole = results.isPresent() ? SchemaResults.treeDigest(tree) : null;
        Optional<SchemaResults.Entry> last = results.flatMap(r -> r.load(bucket));
        if (last.isPresent() && last.get().tree().equals(whole)) {
            findings.addAll(last.get().report());
            return new Report(withNotes(findings));
        }
        Map<String, List<String[]>> known = last.map(SchemaResults.Entry::files).orElse(Map.of());
        Map<String, List<String[]>> now = new java.util.TreeMap<>();
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
            if (schemas.isPresent()) {
                String digest = results.isPresent() ? SchemaResults.digest(file.getKey(), file.getValue()) : "";
                List<String[]> cached = known.get(digest);
                if (cached != null) {
                    cached.forEach(f -> findings.add(SchemaResults.decode(file.getKey(), f)));
                    now.put(digest, cached);
                } else {
                    List<Finding> found = new ArrayList<>();
                    schemas.get().check(file.getKey(), docs, tree.files(), found);
                    findings.addAll(found);
                    now.put(digest, found.stream().map(SchemaResults::encode).toList());
                }
            }
        }
        if (results.isPresent()) {
            results.get().store(bucket, new SchemaResults.Entry(whole, List.copyOf(findings), now));
        }
        return new Report(withNotes(findings));
    }

    private List<Finding> withNotes(List<Finding> findings) {
        if (missing.isPresent()) {
            findings.add(Finding.warning(missing.get().toString(), "", "schema folder not found: manifests are not"
                    + " checked against schemas (set envforge.schemas or --schemas to the folder)"));
        } else if (schemas.isEmpty()) {
            findings.add(new Finding(Finding.Severity.INFO, "(all)", "", "schema validation skipped: no schema"
                    + " folder given (set envforge.schemas or --schemas)"));
        }
        return findings;
    }

    static boolean isManifest(String path) {
        return (path.startsWith("overlays/") || path.startsWith("clusters/")) && path.endsWith(".yaml")
                && !path.endsWith(".values.yaml");
    }
}
