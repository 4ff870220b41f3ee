package io.envforge.emit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A local, uncommitted record of the size and modification time of each environment's generated files when their
 * content was last verified against the outputs digest in {@code inputs.sha256}: while a folder's files still have
 * those sizes and times, the unchanged check need not read them again. This is how {@code git status} avoids
 * re-reading a clean work tree, with the same rule against racy stamps: a file modified less than a clock tick of its
 * file system before it was verified ({@link #racyNanos(Stamp, boolean)}) is not stamped, so an edit in the same clock tick as a write
 * cannot hide. Like Git, it does not notice an edit that keeps both the size and the modification time (say, {@code touch -d}
 * back to the old time); {@code --full} renders anyway.
 *
 * <p>Kept in {@code envforge/output-stamps} of the work tree's Git folder (one line per file); outside a Git
 * repository nothing is kept and every check reads the files. Safe for concurrent use by the check's threads.
 */
public final class OutputStamps {

    static final long RACY_SECONDS = 2;
    static final long FINE_RACY_MILLIS = 100;
    private static final String HEADER = "# envforge output stamps v1: environment, outputs digest, path, size, mtime";

    /** A file's size and modification time (nanoseconds). */
    public record Stamp(long size, long modified) {}

    /** An environment's verified outputs digest and its files' stamps. */
    private record Entry(String outputs, SortedMap<String, Stamp> files) {}

    private final Optional<Path> file;
    /** Whether the files are stamped by this machine's kernel clock ({@link #localClock}). */
    private final boolean local;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile boolean changed;

    private OutputStamps(Optional<Path> file, boolean local) {
        this.file = file;
        this.local = local;
    }

    /** The stamps kept in {@code gitDir} (the work tree's Git folder); none kept (never matching) without one. */
    public static OutputStamps in(Optional<Path> gitDir) {
        OutputStamps stamps = new OutputStamps(
                gitDir.map(dir -> dir.resolve("envforge").resolve("output-stamps")),
                gitDir.map(OutputStamps::localClock).orElse(false));
        if (stamps.file.isPresent()) {
            stamps.load();
        }
        return stamps;
    }

    /** The stamps of the regular files under {@code folders} (workspace-relative, forward slashes), as now. */
    public static SortedMap<String, Stamp> current(Path workspace, Collection<String> folders) {
        SortedMap<String, Stamp> out = new TreeMap<>();
        try {
            WorkspaceFiles.under(workspace, folders).forEach((path, attrs) -> out.put(path, stamp(attrs)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** True if {@code env}'s files were verified with digest {@code outputs} and are, by their stamps, as then. */
    public boolean matches(String env, String outputs, SortedMap<String, Stamp> now) {
        Entry entry = entries.get(env);
        return entry != null && entry.outputs().equals(outputs) && entry.files().equals(now);
    }

    /**
     * Records that {@code env}'s files, with stamps {@code now}, were verified to have digest {@code outputs} at
     * {@code verifiedMillis}; skipped when a file is too recent to trust its stamp.
     */
    public void record(String env, String outputs, SortedMap<String, Stamp> now, long verifiedMillis) {
        long verified = TimeUnit.MILLISECONDS.toNanos(verifiedMillis);
        if (file.isEmpty() || now.values().stream().anyMatch(s -> s.modified() >= verified - racyNanos(s, local))) {
            return;
        }
        Entry entry = new Entry(outputs, new TreeMap<>(now));
        if (!entry.equals(entries.put(env, entry))) {
            changed = true;
        }
    }

    /** Writes the stamps back if anything was recorded; a failure only costs the next run a re-read. */
    public void save() {
        if (file.isEmpty() || !changed) {
            return;
        }
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        new TreeMap<>(entries)
                .forEach((env, entry) -> entry.files()
                        .forEach((path, s) -> text.append(env)
                                .append('\t')
                                .append(entry.outputs())
                                .append('\t')
                                .append(path)
                                .append('\t')
                                .append(s.size())
                                .append('\t')
                                .append(s.modified())
                                .append('\n')));
        try {
            Path target = file.get();
            Files.createDirectories(target.getParent());
            WorkspaceFiles.replaceAtomically(target, text.toString().getBytes(StandardCharsets.UTF_8));
            changed = false;
        } catch (IOException e) {
            // a cache: the next run reads the files instead
        }
    }

    private void load() {
        Path target = file.orElseThrow();
        if (!Files.isRegularFile(target)) {
            return;
        }
        Map<String, Entry> read = new TreeMap<>();
        try (Stream<String> lines = Files.lines(target, StandardCharsets.UTF_8)) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith("#") || line.isEmpty()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 5) {
                    return;
                }
                Entry entry = read.computeIfAbsent(f[0], k -> new Entry(f[1], new TreeMap<>()));
                if (!entry.outputs().equals(f[1])) {
                    return;
                }
                entry.files().put(f[2], new Stamp(Long.parseLong(f[3]), Long.parseLong(f[4])));
            }
        } catch (IOException | UncheckedIOException | NumberFormatException e) {
            return;
        }
        entries.putAll(read);
    }

    /**
     * How long before its verification (a time read from this JVM's clock) a file's time must lie for its stamp to be
     * trusted: longer than one tick of the clock that stamps the file, so that an edit after the verification moves
     * the time.
     *
     * <ul>
     *   <li>On a local file system ({@code local}, see {@link #localClock}) a time with a fraction of a second comes
     *       from the kernel's coarse clock, "updated every jiffy" (Linux {@code Documentation/filesystems/
     *       multigrain-ts.rst}; {@code fs/inode.c} {@code current_time}, truncated to the file system's
     *       {@code s_time_gran}): a tick of at most 10 ms (HZ >= 100), the same clock the JVM reads. The window is
     *       {@value #FINE_RACY_MILLIS} ms.
     *   <li>A time in whole seconds may come from a file system that keeps seconds or two (ext4 with 128-byte inodes,
     *       FAT, HFS+), and a network or host-shared file system (NFS, SMB, FUSE, 9p, virtiofs) is stamped by another
     *       machine's clock, which may be off by a little: {@value #RACY_SECONDS} s.
     * </ul>
     *
     * (A 2 s window for every file left the files written in the last 2 s of a run unstamped once the commit got
     * faster, and the no-op after a full run of 1,000 read them: 1.2 s -> 1.9 s.)
     */
    public static long racyNanos(Stamp stamp, boolean local) {
        return !local || stamp.modified() % TimeUnit.SECONDS.toNanos(1) == 0
                ? TimeUnit.SECONDS.toNanos(RACY_SECONDS)
                : TimeUnit.MILLISECONDS.toNanos(FINE_RACY_MILLIS);
    }

    /** The file system types whose files the local kernel stamps ({@code FileStore.type()}: Linux, macOS, Windows). */
    private static final java.util.Set<String> LOCAL_TYPES = java.util.Set.of(
            "ext2",
            "ext3",
            "ext4",
            "xfs",
            "btrfs",
            "tmpfs",
            "zfs",
            "f2fs",
            "bcachefs",
            "overlay",
            "apfs",
            "hfs",
            "ntfs",
            "refs");

    /** True when {@code dir} lies on a local file system, whose file times come from this machine's clock. */
    public static boolean localClock(Path dir) {
        try {
            return LOCAL_TYPES.contains(Files.getFileStore(dir).type().toLowerCase(java.util.Locale.ROOT));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static Stamp stamp(BasicFileAttributes attrs) {
        return new Stamp(attrs.size(), attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS));
    }
}
