package io.envforge.pipeline;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.render.Layout;
import io.envforge.spec.WorkspacePaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The SHA-256 of everything an environment's files are made from: its spec, the platform file, the charts and the
 * generator's version, and of the files generated from them. Both are recorded in
 * {@code clusters/<env>/envforge/inputs.sha256}; an environment whose inputs digest is unchanged and whose files on
 * disk still have the recorded digest is not rendered again.
 */
final class Fingerprint {

    static final String FILE = "inputs.sha256";

    private final byte[] shared;

    /** Hashes what all environments share, once per run. */
    Fingerprint(byte[] platform, Path charts, List<String> steps) {
        MessageDigest digest = sha256();
        update(digest, "generator", generator().getBytes(StandardCharsets.UTF_8));
        update(digest, "steps", String.join(",", steps).getBytes(StandardCharsets.UTF_8));
        update(digest, "platform", platform);
        folder(digest, charts);
        this.shared = digest.digest();
    }

    static String path(String env) {
        return Layout.cluster(env) + FILE;
    }

    /** The digest of {@code env}'s inputs: what all share, plus its spec. */
    String inputs(byte[] spec) {
        MessageDigest digest = sha256();
        update(digest, "shared", shared);
        update(digest, "spec", spec);
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    /**
     * A checksum of an environment's generated files (path and bytes, sorted), except this file itself: a hand edit,
     * a deleted or a stray file in the owned folders makes the environment render again. CRC-32C, not SHA-256: it
     * only has to notice accidents, and it is read for every environment of every run (90 MB for 1,000), where
     * SHA-256 cost a second of CPU.
     */
    static String outputs(Map<String, byte[]> files) {
        CRC32C crc = new CRC32C();
        new TreeMap<>(files).forEach((path, content) -> {
            if (!path.endsWith("/" + FILE)) {
                crc.update((path + "\0" + content.length + "\0").getBytes(StandardCharsets.UTF_8));
                crc.update(content);
            }
        });
        long count =
                files.keySet().stream().filter(p -> !p.endsWith("/" + FILE)).count();
        return "crc32c:" + String.format(java.util.Locale.ROOT, "%08x", crc.getValue()) + " files:" + count;
    }

    /** The outputs digest a fingerprint file records, if it records {@code inputs} as the inputs digest. */
    static Optional<String> recordedOutputs(String fileText, String inputs) {
        if (!fileText.contains("\ninputs " + inputs + "\n")) {
            return Optional.empty();
        }
        int at = fileText.lastIndexOf("\noutputs ");
        return at < 0
                ? Optional.empty()
                : Optional.of(fileText.substring(at + "\noutputs ".length()).strip());
    }

    /** The file's text: a header, then one line for the inputs and one for the outputs. */
    static String file(String env, String inputs, String outputs) {
        return Layout.header(env, "its inputs (spec, platform file, charts, generator)") + "inputs " + inputs
                + "\noutputs " + outputs + "\n";
    }

    /**
     * Hashes what {@code helm template} reads from each chart: {@code Chart.yaml}, {@code values.yaml},
     * {@code values.schema.json}, {@code templates/}, {@code charts/}, {@code crds/}. A chart whose templates use
     * {@code .Files} can read anything, so then every file counts. READMEs and {@code ci/} scenarios do not.
     */
    private static void folder(MessageDigest digest, Path root) {
        // the charts are read from the workspace: no link on the way or inside (see WorkspacePaths)
        WorkspacePaths links = new WorkspacePaths(root.getParent());
        String name = root.getFileName().toString();
        links.requireNoLinks(name);
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> files = walk.peek(p -> {
                        if (Files.isSymbolicLink(p)) {
                            links.requireNoLinks(
                                    name + "/" + root.relativize(p).toString().replace('\\', '/'));
                        }
                    })
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
            boolean readsFiles = false;
            for (Path file : files) {
                readsFiles |= file.toString().contains("/templates/")
                        && Files.readString(file, StandardCharsets.ISO_8859_1).contains(".Files");
            }
            for (Path file : files) {
                String rel = root.relativize(file).toString().replace('\\', '/');
                if (readsFiles || rendered(rel)) {
                    update(digest, rel, Files.readAllBytes(file));
                }
            }
        } catch (IOException e) {
            throw new EnvforgeException(
                    new Problem(
                            root.toString(),
                            "",
                            null,
                            "cannot read: " + e.getMessage(),
                            "check the folder's permissions"),
                    e);
        }
    }

    private static boolean rendered(String path) {
        String inChart = path.substring(path.indexOf('/') + 1);
        return inChart.equals("Chart.yaml")
                || inChart.equals("values.yaml")
                || inChart.equals("values.schema.json")
                || inChart.startsWith("templates/")
                || inChart.startsWith("charts/")
                || inChart.startsWith("crds/");
    }

    private static void update(MessageDigest digest, String label, byte[] content) {
        digest.update((label + "\0" + content.length + "\0").getBytes(StandardCharsets.UTF_8));
        digest.update(content);
    }

    /**
     * The generator's released version. Only the version counts, not the build: the digest is committed, so a
     * rebuild of the same code (a fresh clone, a CI runner) must not change it, or every environment would get a
     * commit that changes nothing but its fingerprint. After changing generator code without a version bump, run
     * once with {@code -Denvforge.full=true}.
     */
    static String generator() {
        try (InputStream in =
                Fingerprint.class.getResourceAsStream("/META-INF/maven/io.envforge/envforge-core/pom.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
