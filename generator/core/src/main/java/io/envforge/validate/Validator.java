package io.envforge.validate;

import io.envforge.cache.DiskCache;
import io.envforge.render.Layout;
import io.envforge.render.OutputTree;
import io.envforge.render.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Runs the rules over every generated manifest of a tree ({@code overlays/} and {@code clusters/} YAML, not the
 * Helm values files) and returns the report. Pure: reads the tree, writes nothing (besides the optional cache).
 */
public final class Validator {

    private final SchemaRule schemas;
    private final Optional<Path> missing;
    private final Supplier<List<Rule>> rules;
    private final DiskCache cache;

    /** Validates against the bundled schemas, and {@code schemaRoot}'s first when given. */
    public Validator(Optional<Path> schemaRoot) {
        this(schemaRoot, false);
    }

    /**
     * {@code schemaRoot}: the user's schema folder, which adds to and overrides the bundled schemas (a folder that does
     * not exist is an error); {@code allowUnvalidated}: a generated kind without a schema is a warning, not an error.
     */
    public Validator(Optional<Path> schemaRoot, boolean allowUnvalidated) {
        this(schemaRoot, allowUnvalidated, DiskCache.none());
    }

    /** Bundled schemas and {@code schemaRoot}'s; findings cached in {@code cache}; a kind without a schema an error. */
    public Validator(Optional<Path> schemaRoot, DiskCache cache) {
        this(schemaRoot, false, cache);
    }

    /** As above; the schema rule's findings are kept in {@code cache} per file text (see {@link SchemaResults}). */
    public Validator(Optional<Path> schemaRoot, boolean allowUnvalidated, DiskCache cache) {
        this.cache = cache;
        this.missing = schemaRoot.filter(root -> !Files.isDirectory(root));
        this.schemas = new SchemaRule(schemaRoot.filter(Files::isDirectory), allowUnvalidated);
        this.rules = () -> List.of(new NoPlaintextSecretRule(), new KustomizationRule(), new UniqueObjectRule());
    }

    public Report validate(OutputTree tree) {
        return validate(tree, "");
    }

    /**
     * Validates {@code tree}; with a cache and a non-empty {@code bucket} (the environment): when every manifest's
     * path and text are what the bucket's last validation saw (against the same schemas), its findings (the run
     * summary's "validated ... against ..." lines included) are taken from the cache without parsing a document
     * (every rule is a function of the tree's manifests); otherwise the schema findings of each file whose text was
     * validated before are.
     */
    public Report validate(OutputTree tree, String bucket) {
        List<Finding> findings = new ArrayList<>();
        List<Rule> active = rules.get();
        Optional<SchemaResults> results = cache.enabled() && !bucket.isEmpty()
                ? Optional.of(new SchemaResults(cache, schemas.schemaSetDigest(cache)))
                : Optional.empty();
        Map<String, String> digests = results.isPresent() ? SchemaResults.fileDigests(tree) : Map.of();
        String whole = results.isPresent() ? SchemaResults.treeDigest(digests) : null;
        Optional<SchemaResults.Entry> last = results.flatMap(r -> r.load(bucket));
        if (last.isPresent() && last.get().tree().equals(whole)) {
            findings.addAll(last.get().report());
            return new Report(withNotes(findings));
        }
        Map<String, List<String[]>> known = last.map(SchemaResults.Entry::files).orElse(Map.of());
        Map<String, List<String[]>> now = new TreeMap<>();
        Map<String, Map<String, Integer>> against = new TreeMap<>();
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
            String digest = results.isPresent() ? digests.get(file.getKey()) : "";
            List<String[]> cached = known.get(digest);
            if (cached != null) {
                cached.forEach(f -> findings.add(SchemaResults.decode(file.getKey(), f)));
                now.put(digest, cached);
            } else {
                List<Finding> found = new ArrayList<>();
                schemas.check(file.getKey(), docs, tree.files(), found);
                findings.addAll(found);
                now.put(digest, found.stream().map(SchemaResults::encode).toList());
            }
            Map<String, Integer> counts = against.computeIfAbsent(folder(file.getKey()), k -> new TreeMap<>());
            docs.forEach(doc ->
                    counts.merge(schemas.label(file.getKey(), doc).orElse("nothing (no schema)"), 1, Integer::sum));
        }
        against.forEach(
                (folder, counts) -> findings.add(new Finding(Finding.Severity.INFO, folder, "", validated(counts))));
        if (results.isPresent()) {
            results.get().store(bucket, new SchemaResults.Entry(whole, List.copyOf(findings), now));
        }
        return new Report(withNotes(findings));
    }

    private List<Finding> withNotes(List<Finding> findings) {
        missing.ifPresent(folder -> findings.add(Finding.error(
                folder.toString(),
                "",
                "schema folder not found:"
                        + " envforge.schemas (--schemas) must name a folder of schemas that add to the bundled ones; leave it"
                        + " unset to validate against the bundled schemas only")));
        return findings;
    }

    /** {@code validated 31 object(s): 6 against CRD ...; 25 against Kubernetes 1.32.13 (...)}. */
    static String validated(Map<String, Integer> counts) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder out = new StringBuilder("validated " + total + " object(s): ");
        counts.forEach((label, n) -> out.append(out.toString().endsWith(": ") ? "" : "; ")
                .append(n)
                .append(" against ")
                .append(label));
        return out.toString();
    }

    /** The environment a file belongs to ({@code overlays/dev1/...}, {@code clusters/dev1/...}), or its folder. */
    private static String folder(String path) {
        int first = path.indexOf('/');
        int second = path.indexOf('/', first + 1);
        String name = second < 0 ? path : path.substring(first + 1, second);
        return path.startsWith("clusters/argocd/") ? "clusters/argocd/" : "environment " + name;
    }

    static boolean isManifest(String path) {
        return Layout.MANIFEST_ROOTS.stream().anyMatch(path::startsWith)
                && path.endsWith(".yaml")
                && !path.endsWith(".values.yaml");
    }
}
