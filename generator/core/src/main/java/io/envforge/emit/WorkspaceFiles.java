package io.envforge.emit;

import io.envforge.spec.WorkspacePaths;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The file-system steps the writer and the stamp cache share. */
final class WorkspaceFiles {

    private WorkspaceFiles() {}

    /**
     * The regular files under {@code folders}, by workspace-relative path with forward slashes, with the attributes
     * read while walking. A folder that does not exist has none; an entry that names a file (an owned single file,
     * see {@code Layout.owned}) is that file; a link on the way or inside is refused (see {@link WorkspacePaths}).
     */
    static SortedMap<String, BasicFileAttributes> under(Path workspace, Collection<String> folders) throws IOException {
        SortedMap<String, BasicFileAttributes> out = new TreeMap<>();
        WorkspacePaths links = new WorkspacePaths(workspace);
        for (String folder : folders) {
            links.requireNoLinks(folder);
            Path dir = workspace.resolve(folder);
            if (Files.isRegularFile(dir)) {
                out.put(folder, Files.readAttributes(dir, BasicFileAttributes.class));
                continue;
            }
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> found = Files.find(
                    dir,
                    Integer.MAX_VALUE,
                    (p, attrs) -> {
                        String relative = workspace.relativize(p).toString().replace('\\', '/');
                        if (attrs.isSymbolicLink()) {
                            links.requireNoLinks(relative);
                        }
                        if (attrs.isRegularFile()) {
                            out.put(relative, attrs);
                        }
                        return false;
                    },
                    new FileVisitOption[0])) {
                found.forEach(p -> {});
            }
        }
        return out;
    }

    /** Replaces {@code target} by way of a temporary file beside it, so a reader sees the old or the new content. */
    static void replaceAtomically(Path target, byte[] content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        boolean moved = false;
        try {
            Files.write(temp, content);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
