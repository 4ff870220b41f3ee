package io.envforge.pipeline;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.render.Layout;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The SHA-256 of everything an environment's files are made from: its spec, the platform file, the charts and the
 * generator (version and build). Recorded in {@code clusters/<env>/envforge/inputs.sha256}; an environment whose
 * recorded fingerprint equals the current one is not rendered again.
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

    /** The file's text for {@code env} with spec {@code spec}. */
    String file(String env, byte[] spec) {
        MessageDigest digest = sha256();
        update(digest, "shared", shared);
        update(digest, "spec", spec);
        return Layout.header(env, "its inputs (spec, platform file, charts, generator)")
                + "sha256:" + HexFormat.of().formatHex(digest.digest()) + "\n";
    }

    private static void folder(MessageDigest digest, Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                update(digest, root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new EnvforgeException(new Problem(root.toString(), "", null, "cannot read: " + e.getMessage(),
                    "check the folder's permissions"), e);
        }
    }

    private static void update(MessageDigest digest, String label, byte[] content) {
        digest.update((label + "\0" + content.length + "\0").getBytes(StandardCharsets.UTF_8));
        digest.update(content);
    }

    /** The generator's version; for a snapshot build also the size and time of the code it runs from. */
    static String generator() {
        String version = "dev";
        try (InputStream in = Fingerprint.class.getResourceAsStream(
                "/META-INF/maven/io.envforge/envforge-core/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                version = p.getProperty("version", version);
            }
            var source = Fingerprint.class.getProtectionDomain().getCodeSource();
            if (source != null && (version.endsWith("-SNAPSHOT") || version.equals("dev"))) {
                Path code = Path.of(source.getLocation().toURI());
                if (Files.isRegularFile(code)) {
                    version += "+" + Files.size(code) + "." + Files.getLastModifiedTime(code).toMillis();
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // the version alone identifies the generator well enough
        }
        return version;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
