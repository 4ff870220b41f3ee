package io.envforge.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/**
 * The one golden-file helper of every module: cases discovered from folders, files and trees compared byte for byte,
 * a unified diff in the failure, and one update flag, {@code -Dgolden.update=true}, that rewrites the expected files
 * (review their diff like code). Shared through the core's test-jar.
 */
public final class GoldenFiles {

    /** The flag that rewrites the expected files. */
    public static final String UPDATE_FLAG = "golden.update";

    private GoldenFiles() {}

    /** True when this run rewrites the expected files. */
    public static boolean update() {
        return Boolean.getBoolean(UPDATE_FLAG);
    }

    /** The case folders under {@code root} that {@code isCase} accepts, by name, sorted. */
    public static List<String> cases(Path root, Predicate<Path> isCase) {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory)
                    .filter(isCase)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code actual} equals the file {@code golden} (rewritten first under the update flag). */
    public static void assertFile(Path golden, String actual) {
        try {
            if (update()) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
            }
            if (!Files.isRegularFile(golden)) {
                throw new AssertionError(
                        "no golden file " + golden + "; run with -D" + UPDATE_FLAG + "=true and review it");
            }
            String expected = Files.readString(golden, StandardCharsets.UTF_8);
            if (!expected.equals(actual)) {
                throw new AssertionError(golden + " differs (expected ---, actual +++); if the change is intended,"
                        + " rerun with -D" + UPDATE_FLAG + "=true and review the diff\n"
                        + unifiedDiff(golden.toString(), expected, actual));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code actual} (relative path → text) equals the tree under {@code goldenDir}: the same files, each the same
     * bytes. Under the update flag the folder is rewritten first (stale files removed). Every difference is reported
     * at once.
     */
    public static void assertTree(Path goldenDir, Map<String, String> actual) {
        try {
            if (update()) {
                rewrite(goldenDir, actual);
            }
            Map<String, String> expected = read(goldenDir);
            List<String> problems = new ArrayList<>();
            Set<String> paths = new TreeSet<>(expected.keySet());
            paths.addAll(actual.keySet());
            for (String path : paths) {
                if (!actual.containsKey(path)) {
                    problems.add("missing: " + path);
                } else if (!expected.containsKey(path)) {
                    problems.add("not expected: " + path);
                } else if (!expected.get(path).equals(actual.get(path))) {
                    problems.add(unifiedDiff(path, expected.get(path), actual.get(path)));
                }
            }
            if (!problems.isEmpty()) {
                throw new AssertionError(goldenDir + ": " + problems.size() + " difference(s); if intended, rerun"
                        + " with -D" + UPDATE_FLAG + "=true and review the diff\n" + String.join("\n", problems));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under {@code dir}, relative path with forward slashes → text; empty when it does not exist. */
    public static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** A unified diff of two texts (JGit's histogram diff), three lines of context. */
    public static String unifiedDiff(String name, String expected, String actual) {
        RawText a = new RawText(expected.getBytes(StandardCharsets.UTF_8));
        RawText b = new RawText(actual.getBytes(StandardCharsets.UTF_8));
        EditList edits = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
                .diff(RawTextComparator.DEFAULT, a, b);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DiffFormatter format = new DiffFormatter(out)) {
            out.write(("--- " + name + " (expected)\n+++ " + name + " (actual)\n").getBytes(StandardCharsets.UTF_8));
            format.format(edits, a, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void rewrite(Path dir, Map<String, String> files) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted((x, y) -> y.getNameCount() - x.getNameCount())
                        .toList()) {
                    Files.delete(p);
                }
            }
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path target = dir.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
        }
    }
}
