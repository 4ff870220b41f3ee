package io.envforge.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The preparation runner's Python packages, as {@code tools/ansible-runner/lock.yaml} pins them (written by
 * {@code tools/ansible-runner/lock.py}): every wheel by version, URL and SHA-256, and the collections the roles use,
 * taken alone from the wheel of a package that bundles them (the {@code ansible} package on PyPI; Galaxy is not
 * reachable from the build).
 *
 * @param python the CPython version the wheels are for ({@code 3.11}); the base image must run it
 * @param packages the wheels installed whole
 * @param collectionPackage the wheel the collections are taken from
 * @param collections the collections taken, {@code namespace.name}
 */
public record RunnerLock(String python, List<Wheel> packages, Wheel collectionPackage, List<String> collections) {

    /** Where the lock lives in the repository. */
    public static final String FILE = "tools/ansible-runner/lock.yaml";

    private static final Pattern HEX = Pattern.compile("^[0-9a-f]{64}$");
    private static final Pattern COLLECTION = Pattern.compile("^[a-z0-9_]+\\.[a-z0-9_]+$");

    /**
     * One wheel.
     *
     * @param name the distribution's name
     * @param version exact version
     * @param url where it is downloaded from; its last segment is the wheel's file name
     * @param sha256 hex SHA-256 of the file, checked after every download
     */
    public record Wheel(String name, String version, URI url, String sha256) {

        public Wheel {
            if (sha256 == null || !HEX.matcher(sha256).matches()) {
                throw new IllegalArgumentException(name + ": sha256 \"" + sha256 + "\": 64 lowercase hex digits");
            }
            if (!fileName(url).endsWith(".whl")) {
                throw new IllegalArgumentException(name + ": url " + url + " is not a wheel (.whl)");
            }
        }

        public String fileName() {
            return fileName(url);
        }

        private static String fileName(URI url) {
            String path = url.getPath();
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    public RunnerLock {
        packages = List.copyOf(packages);
        collections = List.copyOf(collections);
        for (String c : collections) {
            if (!COLLECTION.matcher(c).matches()) {
                throw new IllegalArgumentException("collection \"" + c + "\": namespace.name expected");
            }
        }
    }

    /** Reads the lock; a missing or malformed field is an {@link IllegalArgumentException} naming it. */
    public static RunnerLock read(Path file) {
        Object doc;
        try {
            doc = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<?, ?> root = map(doc, "(document)");
        List<Wheel> packages = new ArrayList<>();
        Object list = root.get("packages");
        if (!(list instanceof List<?> items) || items.isEmpty()) {
            throw new IllegalArgumentException("packages: a list of wheels expected; run tools/ansible-runner/lock.py");
        }
        for (int i = 0; i < items.size(); i++) {
            packages.add(wheel(map(items.get(i), "packages[" + i + "]"), "packages[" + i + "]"));
        }
        Map<?, ?> collections = map(root.get("collections"), "collections");
        Object names = collections.get("names");
        if (!(names instanceof List<?> n)) {
            throw new IllegalArgumentException("collections.names: a list of namespace.name expected");
        }
        return new RunnerLock(
                text(root, "python", ""),
                packages,
                wheel(map(collections.get("package"), "collections.package"), "collections.package"),
                n.stream().map(String::valueOf).toList());
    }

    private static Wheel wheel(Map<?, ?> m, String at) {
        return new Wheel(
                text(m, "name", at), text(m, "version", at), URI.create(text(m, "url", at)), text(m, "sha256", at));
    }

    private static Map<?, ?> map(Object node, String at) {
        if (!(node instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(at + ": a mapping expected");
        }
        return m;
    }

    private static String text(Map<?, ?> m, String key, String at) {
        Object v = m.get(key);
        if (v == null || v.toString().isBlank()) {
            throw new IllegalArgumentException((at.isEmpty() ? "" : at + ".") + key + ": missing");
        }
        return v.toString();
    }
}
