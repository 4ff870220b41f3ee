package io.envforge.validate;

import io.envforge.cache.Digests;
import io.envforge.cache.DiskCache;
import io.envforge.render.OutputTree;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Validation results kept across runs in a {@link DiskCache}, one entry per bucket (an environment) and schema set:
 * <ul>
 *   <li>the whole report (every rule's findings) with the SHA-256 of all the manifests' paths and texts it was made
 *       from: the same manifests give the same report, without a document being parsed (every rule is a function
 *       of the tree's manifests and the schemas);</li>
 *   <li>the schema rule's findings per file, keyed by the SHA-256 of the file's text (and whether it is a
 *       kustomization, which picks the schema): when some files changed, the others are not converted and
 *       validated against their schema again.</li>
 * </ul>
 * The schema set's digest is part of the key, so other schemas (or another validator version) never see these.
 */
final class SchemaResults {

    /** One bucket's entry: the manifests' digest, its report, and the schema findings per file digest. */
    record Entry(String tree, List<Finding> report, Map<String, List<String[]>> files) {}

    private final DiskCache cache;
    private final String schemaSet;

    SchemaResults(DiskCache cache, String schemaSet) {
        this.cache = cache;
        this.schemaSet = schemaSet;
    }

    Optional<Entry> load(String bucket) {
        return cache.get(key(bucket)).flatMap(bytes -> {
            try {
                return Optional.of(parse(new String(bytes, StandardCharsets.UTF_8)));
            } catch (RuntimeException e) {
                return Optional.empty(); // an entry of another format: validate again, and replace it
            }
        });
    }

    void store(String bucket, Entry entry) {
        StringBuilder text = new StringBuilder("tree ").append(entry.tree()).append('\n');
        text.append(entry.report().size()).append('\n');
        entry.report()
                .forEach(f -> text.append(f.severity().name())
                        .append('\t')
                        .append(escape(f.file()))
                        .append('\t')
                        .append(escape(f.path()))
                        .append('\t')
                        .append(escape(f.message()))
                        .append('\n'));
        entry.files().forEach((digest, findings) -> {
            text.append(digest).append('\t').append(findings.size()).append('\n');
            findings.forEach(f -> text.append(f[0])
                    .append('\t')
                    .append(escape(f[1]))
                    .append('\t')
                    .append(escape(f[2]))
                    .append('\n'));
        });
        cache.put(key(bucket), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Entry parse(String text) {
        String[] lines = text.split("\n", -1);
        String tree = lines[0].substring("tree ".length());
        int i = 1;
        List<Finding> report = new ArrayList<>();
        for (int n = Integer.parseInt(lines[i++]); n > 0; n--) {
            String[] f = lines[i++].split("\t", -1);
            report.add(new Finding(Finding.Severity.valueOf(f[0]), unescape(f[1]), unescape(f[2]), unescape(f[3])));
        }
        Map<String, List<String[]>> files = new TreeMap<>();
        while (i < lines.length && !lines[i].isEmpty()) {
            String[] head = lines[i++].split("\t");
            List<String[]> findings = new ArrayList<>();
            for (int n = Integer.parseInt(head[1]); n > 0; n--) {
                String[] f = lines[i++].split("\t", -1);
                findings.add(new String[] {f[0], unescape(f[1]), unescape(f[2])});
            }
            files.put(head[0], findings);
        }
        return new Entry(tree, report, files);
    }

    /** Each manifest's {@link #digest} in {@code tree}, by path, in path order. */
    static Map<String, String> fileDigests(OutputTree tree) {
        Map<String, String> out = new TreeMap<>();
        tree.files().forEach((path, text) -> {
            if (Validator.isManifest(path)) {
                out.put(path, digest(path, text));
            }
        });
        return out;
    }

    /**
     * The SHA-256 of every manifest's path and {@link #digest} ({@code files}, from {@link #fileDigests}), in path
     * order: the manifests' texts are hashed once, for both keys.
     */
    static String treeDigest(Map<String, String> files) {
        MessageDigest sha = Digests.sha256();
        files.forEach((path, digest) -> {
            byte[] p = path.getBytes(StandardCharsets.UTF_8);
            sha.update((p.length + ":").getBytes(StandardCharsets.UTF_8));
            sha.update(p);
            sha.update(digest.getBytes(StandardCharsets.UTF_8));
        });
        return "files:" + HexFormat.of().formatHex(sha.digest());
    }

    static String digest(String file, String text) {
        return Digests.key(file.endsWith("kustomization.yaml") ? "kustomization" : "object", text);
    }

    static String[] encode(Finding f) {
        return new String[] {f.severity().name(), f.path(), f.message()};
    }

    static Finding decode(String file, String[] f) {
        return new Finding(Finding.Severity.valueOf(f[0]), file, f[1], f[2]);
    }

    private String key(String bucket) {
        return Digests.key("validation v1", schemaSet, bucket);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char next = s.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
