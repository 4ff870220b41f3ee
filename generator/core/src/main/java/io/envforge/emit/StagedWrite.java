package io.envforge.emit;

import io.envforge.cache.Digests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * An all-or-nothing change of the work tree. Every new text is first written into a staging folder beside the tree
 * (in the repository's Git folder, see {@code TreeWriter}); then a journal naming every change is put in place with
 * one atomic rename (the commit point); then the staged files are renamed onto their targets and the stale ones
 * deleted, each old file kept as a backup until the end.
 *
 * <ul>
 *   <li>A failure before the commit point changes nothing in the tree.
 *   <li>A failure after it (a file that cannot be replaced) is rolled back from the backups before the error is
 *       reported.
 *   <li>A run killed after it leaves the journal, and the next run completes the change ({@link #recover}) before it
 *       reads anything, so a reader of the tree after that sees the old tree or the new one, never a mix.
 * </ul>
 *
 * <p>Journal lines: {@code W <path>} (write the staged file), {@code D <path>} (delete),
 * {@code U <path>} (delete, then remove the folders it leaves empty up to the work tree) and {@code P <folder>}
 * (remove the empty folders in it).
 */
final class StagedWrite {

    static final String JOURNAL = "journal";
    private static final String FILES = "files";
    private static final String BACKUP = "backup";

    private final Path workspace;
    private final Path staging;
    private final Map<Path, Boolean> folders = new ConcurrentHashMap<>();

    StagedWrite(Path workspace, Path staging) {
        this.workspace = workspace;
        this.staging = staging;
    }

    /** One change: its kind ({@code W}, {@code D}, {@code U}, {@code P}) and its workspace-relative path. */
    record Change(char kind, String path) {}

    /**
     * Completes the change an interrupted run committed to (its journal exists), or drops what it staged before its
     * commit point. Returns how many changes were completed; 0 when there was nothing to do.
     */
    int recover() throws IOException {
        if (!Files.exists(staging)) {
            return 0;
        }
        Path journal = staging.resolve(JOURNAL);
        int done = 0;
        if (Files.isRegularFile(journal)) {
            for (Change change : read(journal)) {
                rollForward(change);
                done++;
            }
            Files.delete(journal);
        }
        removeTree(staging);
        return done;
    }

    /** Stages {@code texts}, commits to {@code changes}, carries them out; on a failure the tree is as before. */
    void apply(Map<String, byte[]> texts, List<Change> changes) throws IOException {
        apply(texts, changes, (path, stamp) -> {});
    }

    /**
     * As above, telling {@code written} each staged file's size and time right after it was written (the rename
     * keeps them); told before the change is carried out, so only a call that returns normally makes them true.
     */
    void apply(Map<String, byte[]> texts, List<Change> changes, BiConsumer<String, OutputStamps.Stamp> written)
            throws IOException {
        recover();
        Path files = staging.resolve(FILES);
        Files.createDirectories(files);
        Map<String, OutputStamps.Stamp> stamps = new ConcurrentHashMap<>();
        try {
            texts.entrySet().parallelStream().forEach(e -> {
                try {
                    Path target = files.resolve(flat(e.getKey()));
                    Files.write(target, e.getValue());
                    stamps.put(e.getKey(), OutputStamps.stamp(Files.readAttributes(target, BasicFileAttributes.class)));
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            });
            writeJournal(changes);
        } catch (UncheckedIOException | IOException e) {
            removeTree(staging);
            throw e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
        }
        List<Change> done = new ArrayList<>();
        try {
            int writes = 0;
            while (writes < changes.size() && changes.get(writes).kind() == 'W') {
                writes++;
            }
            forwardAll(changes.subList(0, writes), done);
            for (Change change : changes.subList(writes, changes.size())) {
                forward(change);
                done.add(change);
            }
        } catch (IOException | UncheckedIOException e) {
            rollBack(done);
            throw e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
        }
        Files.delete(staging.resolve(JOURNAL));
        removeTree(staging);
        stamps.forEach(written);
    }

    /**
     * The leading writes, on all cores: each has its own target, so their order does not matter (a rename and, for an
     * existing file, a backup link; 33,000 of them one after the other were a third of a 1,000-environment write).
     * Every one is tried; those done are added to {@code done} (for {@link #rollBack}) before the first failure is
     * thrown, so none is still running when the rollback starts.
     */
    private void forwardAll(List<Change> writes, List<Change> done) throws IOException {
        Map<Change, IOException> failed = new ConcurrentHashMap<>();
        List<Change> ok = writes.parallelStream()
                .filter(change -> {
                    try {
                        forward(change);
                        return true;
                    } catch (IOException e) {
                        failed.put(change, e);
                    } catch (UncheckedIOException e) {
                        failed.put(change, e.getCause());
                    } catch (RuntimeException e) {
                        failed.put(change, new IOException("writing " + change.path() + ": " + e, e));
                    }
                    return false;
                })
                .toList();
        done.addAll(ok);
        if (!failed.isEmpty()) {
            throw failed.entrySet().stream()
                    .min(Comparator.comparing(e -> e.getKey().path()))
                    .orElseThrow()
                    .getValue();
        }
    }

    private void writeJournal(List<Change> changes) throws IOException {
        StringBuilder text = new StringBuilder();
        changes.forEach(c -> text.append(c.kind()).append('\t').append(c.path()).append('\n'));
        Path temp = staging.resolve(JOURNAL + ".tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        move(temp, staging.resolve(JOURNAL));
    }

    private static List<Change> read(Path journal) throws IOException {
        List<Change> out = new ArrayList<>();
        for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
            if (line.length() > 2 && line.charAt(1) == '\t') {
                out.add(new Change(line.charAt(0), line.substring(2)));
            }
        }
        return out;
    }

    /** One change, keeping the old file as a backup. */
    private void forward(Change change) throws IOException {
        Path target = workspace.resolve(change.path());
        switch (change.kind()) {
            case 'W' -> {
                if (Files.exists(target)) {
                    Path backup = backup(change.path());
                    createFolder(backup.getParent());
                    Files.createLink(backup, target);
                }
                createFolder(target.getParent());
                move(staged(change.path()), target);
            }
            case 'D', 'U' -> {
                Path backup = backup(change.path());
                createFolder(backup.getParent());
                move(target, backup);
                if (change.kind() == 'U') {
                    try {
                        pruneUp(target.getParent());
                    } catch (IOException e) {
                        // an empty folder left behind harms nothing; the change itself is done (and undone on a
                        // rollback)
                    }
                }
            }
            case 'P' -> pruneEmpty(target);
            default -> throw new IOException("unknown journal entry " + change);
        }
    }

    /** One change of an interrupted run, done again if it was not done. */
    private void rollForward(Change change) throws IOException {
        Path target = workspace.resolve(change.path());
        switch (change.kind()) {
            case 'W' -> {
                Path staged = staged(change.path());
                if (!Files.exists(staged)) {
                    staged = staging.resolve(FILES).resolve(change.path()); // staged by a version before flat names
                }
                if (Files.exists(staged)) {
                    Files.createDirectories(target.getParent());
                    move(staged, target);
                }
            }
            case 'D', 'U' -> {
                Files.deleteIfExists(target);
                if (change.kind() == 'U') {
                    pruneUp(target.getParent());
                }
            }
            case 'P' -> pruneEmpty(target);
            default -> {
                // a newer journal format: skip
            }
        }
    }

    /**
     * Undoes {@code done}, newest first: each new file back into the staging folder, each old one back from its
     * backup. The journal stays until the end, so a run killed meanwhile is completed forward by the next one.
     */
    private void rollBack(List<Change> done) throws IOException {
        for (int i = done.size() - 1; i >= 0; i--) {
            Change change = done.get(i);
            if (change.kind() == 'P') {
                continue;
            }
            Path target = workspace.resolve(change.path());
            Path backup = backup(change.path());
            if (change.kind() == 'W' && Files.exists(target)) {
                move(target, staged(change.path()));
            }
            if (Files.exists(backup)) {
                Files.createDirectories(target.getParent());
                move(backup, target);
            }
        }
        Files.deleteIfExists(staging.resolve(JOURNAL));
        removeTree(staging);
    }

    /** Where {@code path}'s new text is staged: one flat folder, so staging makes no folder per target folder. */
    private Path staged(String path) {
        return staging.resolve(FILES).resolve(flat(path));
    }

    /** Where {@code path}'s old file is kept until the change is done. */
    private Path backup(String path) {
        return staging.resolve(BACKUP).resolve(flat(path));
    }

    /**
     * A file name for a workspace path: {@code %} and {@code /} escaped ({@code %25}, {@code %2F}), or, past 200
     * characters, the path's SHA-256 (names stay under the usual 255-byte limit). Staging 33,000 files of 1,000
     * environments under their own folder structure created and removed 11,000 folders, a third of the write
     * phase's system time (docs/benchmark.md).
     */
    static String flat(String path) {
        String name = path.replace("%", "%25").replace("/", "%2F");
        return name.getBytes(StandardCharsets.UTF_8).length <= 200 ? name : "sha256-" + Digests.key("path", path);
    }

    private void createFolder(Path dir) {
        folders.computeIfAbsent(dir, d -> {
            try {
                Files.createDirectories(d);
                return Boolean.TRUE;
            } catch (FileAlreadyExistsException e) {
                throw new UncheckedIOException(new IOException(d + " is a file, not a folder", e));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes the empty folders from {@code dir} up to (not including) the work tree. */
    private void pruneUp(Path dir) throws IOException {
        for (Path d = dir;
                d != null && !d.equals(workspace) && d.startsWith(workspace) && isEmptyDir(d);
                d = d.getParent()) {
            Files.delete(d);
        }
    }

    private static boolean isEmptyDir(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Removes the empty folders in {@code dir}, deepest first, {@code dir} itself included. */
    static void pruneEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> dirs = walk.filter(Files::isDirectory)
                    .sorted((a, b) -> b.getNameCount() - a.getNameCount())
                    .toList();
            for (Path d : dirs) {
                if (isEmptyDir(d)) {
                    Files.delete(d);
                }
            }
        }
    }

    private static void removeTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.delete(p);
                } catch (NoSuchFileException e) {
                    // gone already
                }
            }
        }
    }

    /** The staging folder's journal, if an interrupted run left one. */
    Optional<Path> journal() {
        Path journal = staging.resolve(JOURNAL);
        return Files.isRegularFile(journal) ? Optional.of(journal) : Optional.empty();
    }
}
