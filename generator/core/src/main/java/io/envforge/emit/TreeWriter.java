package io.envforge.emit;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.render.OutputTree;
import io.envforge.spec.WorkspacePaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The only class that writes generated files. Each file is replaced atomically (written beside it, then renamed);
 * a file whose content is already right is not touched; files under an owned folder that the tree no longer holds
 * are removed, and folders left empty with them.
 */
public final class TreeWriter {

    private final Path workspace;
    /** Folders known to exist: a fleet run writes 21,000 files into some 5,000 folders. */
    private final Map<Path, Boolean> folders = new ConcurrentHashMap<>();
    /** Every path read or written is checked for links first (see {@link WorkspacePaths}). */
    private final WorkspacePaths links;

    public TreeWriter(Path workspace) {
        this.workspace = workspace;
        this.links = new WorkspacePaths(workspace);
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
            List<Status> statuses = paths.parallelStream().map(path -> compare(path, tree.get(path))).toList();
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
            throw new EnvforgeException(new Problem(workspace.toString(), "", null, "cannot read the current tree: "
                    + e, "check permissions, then run again"), e);
        }
        return out;
    }

    /** Deletes {@code files} (relative paths) and the folders they leave empty up to the workspace. */
    public List<String> delete(Collection<String> files) {
        List<String> out = new ArrayList<>();
        try {
            for (String path : new TreeSet<>(files)) {
                links.requireNoLinks(path);
                Path file = workspace.resolve(path);
                if (Files.deleteIfExists(file)) {
                    out.add(path);
                }
                for (Path dir = file.getParent(); dir != null && !dir.equals(workspace) && isEmptyDir(dir);
                        dir = dir.getParent()) {
                    Files.delete(dir);
                }
            }
        } catch (IOException e) {
            throw new EnvforgeException(new Problem(workspace.toString(), "", null, "cannot delete: " + e,
                    "check permissions, then run again (deleted files stay deleted)"), e);
        }
        return out;
    }

    private static boolean isEmptyDir(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Plans and writes {@code tree}. */
    public WriteResult write(OutputTree tree, Collection<String> ownedFolders) {
        return write(tree, plan(tree, ownedFolders), ownedFolders);
    }

    /**
     * Carries out {@code plan}, made by {@link #plan} for {@code tree} just before, without reading the files again:
     * new files are created, changed ones replaced, stale ones deleted with the folders they leave empty (only those
     * of {@code ownedFolders}).
     */
    public WriteResult write(OutputTree tree, WriteResult plan, Collection<String> ownedFolders) {
        try {
            Set<String> added = new HashSet<>(plan.added());
            plan.written().parallelStream().forEach(path -> {
                try {
                    replace(workspace.resolve(path), tree.get(path).getBytes(StandardCharsets.UTF_8),
                            !added.contains(path));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            for (String path : plan.removed()) {
                Files.delete(workspace.resolve(path));
            }
            TreeSet<String> gone = new TreeSet<>(plan.removed());
            for (String folder : ownedFolders) {
                String first = gone.ceiling(folder);
                if (first != null && first.startsWith(folder)) {
                    pruneEmpty(workspace.resolve(folder));
                }
            }
            return plan;
        } catch (UncheckedIOException e) {
            throw cannotWrite(e.getCause());
        } catch (IOException e) {
            throw cannotWrite(e);
        }
    }

    private EnvforgeException cannotWrite(IOException e) {
        return new EnvforgeException(new Problem(workspace.toString(), "", null, "cannot write the generated tree: "
                + e, "check free space and permissions, then run again (unchanged files are skipped)"), e);
    }

    private enum Status { ADDED, CHANGED, UNCHANGED }

    /** Compares one file with the disk. */
    private Status compare(String path, String text) {
        links.requireNoLinks(path);
        try {
            byte[] existing = readIfExists(workspace.resolve(path));
            if (existing == null) {
                return Status.ADDED;
            }
            return Arrays.equals(existing, text.getBytes(StandardCharsets.UTF_8)) ? Status.UNCHANGED : Status.CHANGED;
        } catch (IOException e) {
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

    /**
     * A changed file is replaced atomically (temporary file, then rename), so a reader sees the old or the new text.
     * A new file is created in place: half the system calls, which a 21,000-file fleet run feels; if a run dies
     * while writing it, the environment's output checksum no longer matches and the next run writes it again.
     */
    private void replace(Path target, byte[] content, boolean exists) throws IOException {
        folders.computeIfAbsent(target.getParent(), dir -> {
            try {
                Files.createDirectories(dir);
                return Boolean.TRUE;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (!exists) {
            try {
                Files.write(target, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return;
            } catch (FileAlreadyExistsException e) {
                // appeared meanwhile: replace it atomically below
            }
        }
        WorkspaceFiles.replaceAtomically(target, content);
    }

    private List<String> stale(OutputTree tree, Collection<String> ownedFolders) throws IOException {
        return WorkspaceFiles.under(workspace, ownedFolders).keySet().stream()
                .filter(p -> !tree.files().containsKey(p)).toList();
    }

    private static void pruneEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> dirs = walk.filter(Files::isDirectory).sorted((a, b) -> b.getNameCount() - a.getNameCount())
                    .toList();
            for (Path d : dirs) {
                try (Stream<Path> entries = Files.list(d)) {
                    if (entries.findAny().isEmpty()) {
                        Files.delete(d);
                    }
                }
            }
        }
    }
}
