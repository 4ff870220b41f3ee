package io.envforge.render.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of a chart without its {@code values.schema.json}, every other file byte for byte, in
 * {@code <this process's folder, see base()>/<digest>/<chart>/}, where the digest is the original chart's
 * ({@link HelmOutputCache#chartDigest}). Made once per chart content: a run reuses a copy after checking it (the same
 * files and bytes as the chart minus the schema, so a copy a temp cleaner has half-deleted is made again). A copy is
 * built in a private temporary folder and renamed into place, so concurrent runs see a whole copy or none; the one
 * that loses the rename deletes its own. Each use touches the copy's folder; making a new copy deletes the copies not
 * used for {@link #UNUSED} (older chart versions).
 */
final class SchemaLessCopy {

    static final Duration UNUSED = Duration.ofDays(7);

    private SchemaLessCopy() {}

    static Path of(Path chart, String digest) {
        return of(chart, digest, base());
    }

    static Path of(Path chart, String digest, Path base) {
        String name = chart.getFileName().toString();
        Path entry = base.resolve(digest);
        Path copy = entry.resolve(name);
        String wanted = withoutSchema(chart);
        try {
            if (intact(copy, wanted)) {
                Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
                Files.setLastModifiedTime(base, FileTime.from(Instant.now())); // in use: not swept as a left-over
                return copy;
            }
            Files.createDirectories(base); // a process idle for hours may find it swept
            // checked again: another run may have placed a whole copy since; a placed copy is never changed
            if (Files.exists(entry) && !intact(copy, wanted)) { // damaged: move it aside, then build afresh
                Path stale = Files.createTempDirectory(base, ".stale-");
                try {
                    Files.move(entry, stale.resolve("x"), StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException gone) {
                    // another run moved it first
                }
                delete(stale);
            }
            Path temp = Files.createTempDirectory(base, ".new-");
            copyWithoutSchema(chart, temp.resolve(name));
            try {
                Files.move(temp, entry, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException lost) {
                delete(temp);
                if (!intact(copy, wanted)) { // not another run's copy placed first
                    throw lost;
                }
            }
            if (!intact(copy, wanted)) {
                throw new IllegalStateException("the copy of chart " + chart + " in " + copy + " differs from it");
            }
            deleteUnused(base, entry);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy chart " + chart + " to " + copy, e);
        }
    }

    private static boolean intact(Path copy, String wanted) {
        return Files.isDirectory(copy) && HelmOutputCache.chartDigest(copy).equals(wanted);
    }

    /** The digest the copy must have: the chart's files but its top-level schema. */
    static String withoutSchema(Path chart) {
        return HelmOutputCache.chartDigest(
                chart, file -> !chart.relativize(file).toString().equals(HelmChart.SCHEMA));
    }

    /** The prefix of each process's private folder of chart copies in {@code java.io.tmpdir}. */
    static final String PREFIX = "envforge-charts";

    /**
     * This process's own folder of chart copies: a new temporary folder ({@code java.io.tmpdir/envforge-charts*},
     * owner-only, {@code Files.createTempDirectory}), deleted when the JVM exits. One per process, not shared: a copy
     * Helm reads is never moved or deleted by another run, whatever user or user id (a container's numeric one) runs
     * it. A run killed with SIGKILL leaves its folder (the size of the charts); {@link HelmRenderer} deletes such
     * folders once they are hours old.
     */
    static Path base() {
        return Base.DIR;
    }

    private static final class Base {
        static final Path DIR = create();

        private static Path create() {
            try {
                Path dir = Files.createTempDirectory(PREFIX);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "envforge-charts-cleanup"));
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temporary folder for the chart copies", e);
            }
        }
    }

    private static void copyWithoutSchema(Path chart, Path target) throws IOException {
        try (Stream<Path> walk = Files.walk(chart)) {
            for (Path file : walk.sorted().toList()) {
                Path rel = chart.relativize(file);
                if (rel.toString().equals(HelmChart.SCHEMA)) {
                    continue;
                }
                Path to = target.resolve(rel.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else if (Files.isRegularFile(file)) {
                    Files.copy(file, to);
                }
            }
        }
    }

    private static void deleteUnused(Path base, Path keep) throws IOException {
        Instant before = Instant.now().minus(UNUSED);
        try (Stream<Path> entries = Files.list(base)) {
            for (Path entry : entries.toList()) {
                if (!entry.equals(keep)
                        && Files.getLastModifiedTime(entry).toInstant().isBefore(before)) {
                    delete(entry);
                }
            }
        }
    }

    /** Deletes {@code dir} and what it holds, best effort (another run may be deleting it too). */
    static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> all = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: another run may be deleting it too
        }
    }
}
