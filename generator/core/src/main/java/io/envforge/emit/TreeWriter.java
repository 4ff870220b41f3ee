package io.envforge.emit;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.render.OutputTree;
import io.envforge.spec.WorkspacePaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The only class that writes generated files. A write is all or nothing ({@link StagedWrite}): the new texts are
 * staged in a folder beside the tree, then renamed into place, with a journal that lets the next run complete a write
 * that was killed, and backups that undo one that failed. A file whose content is already right is not touched;
 * files under an owned folder that the tree no longer holds are removed, and folders left empty with them.
 */
public final class TreeWriter {

    private final Path workspace;
    /** Every path read or written is checked for links first (see {@link WorkspacePaths}). */
    private final WorkspacePaths links;

    /** Where writes are staged: on the work tree's file system, outside what Git sees. */
    private final Path staging;

    /**
     * The stamp of each file this writer found with the wanted content (taken before reading it) or wrote (taken
     * right after writing the staged file; the rename keeps size and time): {@link #verified}.
     */
    private final Map<String, OutputStamps.Stamp> verified = new ConcurrentHashMap<>();

    /** The bytes of the last {@link #write}, by path (for {@link #asWritten}). */
    private volatile Map<String, byte[]> written = Map.of();

    /** Whether the workspace's file times come from this machine's clock; found on first use. */
    private volatile Boolean localClock;

    /** A writer that stages in {@code .envforge-staging} of the workspace (outside a Git repository). */
    public TreeWriter(Path workspace) {
        this(workspace, workspace.resolve(".envforge-staging"));
    }

    /** A writer that stages in {@code staging}, a folder on the same file system as the workspace. */
    public TreeWriter(Path workspace, Path staging) {
        this.workspace = workspace;
        this.links = new WorkspacePaths(workspace);
        this.staging = staging;
    }

    /**
     * Completes a write an interrupted run committed to, or drops what it staged before; call before reading the
     * tree. Returns how many changes were completed.
     */
    public int recover() {
        try {
            return new StagedWrite(workspace, staging).recover();
        } catch (IOException e) {
            throw new EnvforgeException(
                    new Problem(
                            staging.toString(),
                            "",
                            null,
                            "an interrupted write could not be" + " completed: " + e,
                            "fix the cause (free space, permissions), then run again; it completes the" + " write"),
                    e);
        }
    }

    /** The current text of a file in the workspace, if it exists. */
    public Optional<String> read(String path) {
        links.requireNoLinks(path);
        try {
            byte[] content = readIfExists(workspace.resolve(path));
            return Optional.ofNullable(content).map(c -> new String(c, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The bytes of {@code paths} (workspace-relative) as they are on disk now, for comparing with what was generated;
     * a missing or unreadable file shows as an entry {@code (unreadable)}, so the comparison fails.
     */
    public SortedMap<String, byte[]> contents(Collection<String> paths) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        try {
            for (String path : paths) {
                links.requireNoLinks(path);
                out.put(path, Files.readAllBytes(workspace.resolve(path)));
            }
        } catch (IOException e) {
            out.put("(unreadable)", String.valueOf(e).getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    /** What writing {@code tree} would do: each file compared with the disk, and the stale files. Writes nothing. */
    public WriteResult plan(OutputTree tree, Collection<String> ownedFolders) {
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        try {
            // Compared in parallel (a 1,000-environment tree is 21,000 files, mostly file system calls); the lists
            // keep the tree's order.
            List<String> removed = stale(tree, ownedFolders);
            List<String> paths = List.copyOf(tree.files().keySet());
            List<Status> statuses = paths.parallelStream()
                    .map(path -> compare(path, tree.get(path)))
                    .toList();
            for (int i = 0; i < paths.size(); i++) {
                (statuses.get(i) == Status.ADDED ? added : statuses.get(i) == Status.CHANGED ? changed : unchanged)
                        .add(paths.get(i));
            }
            return new WriteResult(added, changed, removed, unchanged);
        } catch (UncheckedIOException e) {
            throw cannotWrite(e.getCause());
        } catch (IOException e) {
            throw cannotWrite(e);
        }
    }

    /** The texts of {@code paths} as they are on disk now; a missing file is left out. */
    public java.util.Map<String, String> current(Collection<String> paths) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        try {
            for (String path : paths) {
                links.requireNoLinks(path);
                byte[] bytes = readIfExists(workspace.resolve(path));
                if (bytes != null) {
                    out.put(path, new String(bytes, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new EnvforgeException(
                    new Problem(
                            workspace.toString(),
                            "",
                            null,
                            "cannot read the current tree: " + e,
                            "check permissions, then run again"),
                    e);
        }
        return out;
    }

    /**
     * The size and time of each file that {@link #plan} found already right or {@link #write} wrote, as they were
     * when its content was known to be the generated one, by workspace path. A file whose stamp is still this one was
     * not touched since, but for an edit in the same clock tick as the write, which is what Git's checkout trusts
     * too; {@link OutputStamps#record} refuses stamps too close to the moment they are recorded.
     */
    public Map<String, OutputStamps.Stamp> verified() {
        return Map.copyOf(verified);
    }

    /**
     * True when this writer wrote {@code path} (or found it right) and the file's size and time are still as they
     * were then ({@link #verified}): its content is the generated one, as far as Git's own checkout would trust. A
     * file whose time lies within the racy window of now ({@link OutputStamps#racyNanos}) could have been edited in
     * the same clock tick as it was written, keeping both: it counts only if its content is the bytes written.
     */
    public boolean asWritten(String path, BasicFileAttributes attributes) {
        OutputStamps.Stamp stamp = verified.get(path);
        if (stamp == null || !stamp.equals(OutputStamps.stamp(attributes))) {
            return false;
        }
        long now = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
        if (stamp.modified() < now - OutputStamps.racyNanos(stamp, localClock())) {
            return true; // an edit since the write would have moved the time
        }
        // written within a tick of now: an edit in the same tick keeps the stamp, so the content decides
        byte[] wanted = written.get(path);
        try {
            return wanted != null && Arrays.equals(Files.readAllBytes(workspace.resolve(path)), wanted);
        } catch (IOException e) {
            return false;
        }
    }

    private boolean localClock() {
        Boolean local = localClock;
        if (local == null) {
            local = OutputStamps.localClock(workspace);
            localClock = local;
        }
        return local;
    }

    /** Plans and writes {@code tree}. */
    public WriteResult write(OutputTree tree, Collection<String> ownedFolders) {
        return write(tree, plan(tree, ownedFolders), ownedFolders);
    }

    /** {@link #write(OutputTree, WriteResult, Collection, Collection)} deleting nothing else. */
    public WriteResult write(OutputTree tree, WriteResult plan, Collection<String> ownedFolders) {
        return write(tree, plan, ownedFolders, List.of());
    }

    /**
     * Carries out {@code plan}, made by {@link #plan} for {@code tree} just before, without reading the files again,
     * all or nothing: new files are created, changed ones replaced, stale ones deleted with the folders they leave
     * empty (only those of {@code ownedFolders}), and {@code deleted} (relative paths) deleted with the folders they
     * leave empty up to the workspace. Every target is checked first: a run that cannot write changes nothing.
     */
    public WriteResult write(
            OutputTree tree, WriteResult plan, Collection<String> ownedFolders, Collection<String> deleted) {
        return write(bytes(tree, plan), plan, ownedFolders, deleted);
    }

    /** The bytes {@link #write} writes for {@code plan}'s added and changed files (UTF-8), by path. */
    public static Map<String, byte[]> bytes(OutputTree tree, WriteResult plan) {
        Map<String, byte[]> texts = new TreeMap<>();
        for (String path : plan.written()) {
            texts.put(path, tree.get(path).getBytes(StandardCharsets.UTF_8));
        }
        return texts;
    }

    /**
     * {@link #write(OutputTree, WriteResult, Collection, Collection)} with the bytes {@link #bytes} gave for
     * {@code plan}'s added and changed files (encoded once, for the writer and for the commit packing them ahead).
     */
    public WriteResult write(
            Map<String, byte[]> texts, WriteResult plan, Collection<String> ownedFolders, Collection<String> deleted) {
        List<StagedWrite.Change> changes = new ArrayList<>();
        for (String path : plan.written()) {
            changes.add(new StagedWrite.Change('W', path));
        }
        written = texts;
        plan.removed().forEach(path -> changes.add(new StagedWrite.Change('D', path)));
        new TreeSet<>(deleted)
                .stream()
                        .filter(p -> Files.exists(workspace.resolve(p)))
                        .forEach(path -> changes.add(new StagedWrite.Change('U', path)));
        TreeSet<String> gone = new TreeSet<>(plan.removed());
        for (String folder : ownedFolders) {
            String first = gone.ceiling(folder);
            if (first != null && first.startsWith(folder)) {
                changes.add(new StagedWrite.Change('P', folder));
            }
        }
        if (changes.isEmpty()) {
            return plan;
        }
        changes.forEach(c -> requireWritable(c.path()));
        try {
            new StagedWrite(workspace, staging).apply(texts, changes, verified::put);
            return plan;
        } catch (UncheckedIOException e) {
            throw cannotWrite(e.getCause());
        } catch (IOException e) {
            throw cannotWrite(e);
        }
    }

    /**
     * Refuses, before anything is written, a target that is a folder or lies under a file, and one in a folder that
     * cannot be written to.
     */
    private void requireWritable(String path) {
        links.requireNoLinks(path);
        Path target = workspace.resolve(path);
        if (Files.isDirectory(target) && !path.endsWith("/")) {
            throw new EnvforgeException(new Problem(
                    path,
                    "",
                    null,
                    "is a folder, where envforge writes a file",
                    "move or remove the folder, then run again"));
        }
        Path dir = target.getParent();
        while (dir != null && !Files.exists(dir)) {
            dir = dir.getParent();
        }
        if (dir != null && (!Files.isDirectory(dir) || !Files.isWritable(dir))) {
            String where = workspace.relativize(dir).toString().replace('\\', '/');
            throw new EnvforgeException(new Problem(
                    where.isEmpty() ? workspace.toString() : where,
                    "",
                    null,
                    Files.isDirectory(dir)
                            ? "folder is not writable, so " + path + " cannot be written"
                            : "is a file, where envforge needs a folder for " + path,
                    Files.isDirectory(dir)
                            ? "make it writable (chmod u+w), then run again"
                            : "move or remove the file, then run again"));
        }
    }

    private EnvforgeException cannotWrite(IOException e) {
        return new EnvforgeException(
                new Problem(
                        workspace.toString(),
                        "",
                        null,
                        "cannot write the generated tree: " + e,
                        "check free space and permissions, then run again (unchanged files are skipped)"),
                e);
    }

    private enum Status {
        ADDED,
        CHANGED,
        UNCHANGED
    }

    /** Compares one file with the disk. */
    private Status compare(String path, String text) {
        links.requireNoLinks(path);
        try {
            Path file = workspace.resolve(path);
            BasicFileAttributes before;
            try {
                before = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                return Status.ADDED;
            }
            byte[] existing = readIfExists(file);
            if (existing == null) {
                return Status.ADDED;
            }
            if (!Arrays.equals(existing, text.getBytes(StandardCharsets.UTF_8))) {
                return Status.CHANGED;
            }
            verified.put(path, OutputStamps.stamp(before));
            return Status.UNCHANGED;
        } catch (IOException e) {
            requireWritable(path);
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readIfExists(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private List<String> stale(OutputTree tree, Collection<String> ownedFolders) throws IOException {
        return WorkspaceFiles.under(workspace, ownedFolders).keySet().stream()
                .filter(p -> !tree.files().containsKey(p))
                .toList();
    }
}
