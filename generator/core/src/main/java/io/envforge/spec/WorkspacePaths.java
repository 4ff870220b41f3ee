package io.envforge.spec;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses symbolic links on the way to any file envforge reads or writes inside the workspace. A linked
 * {@code overlays/<env>}, {@code environments/} or spec file would make it read or write outside the workspace (and
 * commit what it wrote there as if it were inside). The workspace folder itself may be reached through a link; every
 * component below it is checked with {@code lstat}. Folders already checked are remembered, so a fleet run's 21,000
 * files cost about one {@code lstat} each. Safe for concurrent use.
 */
public final class WorkspacePaths {

    private final Path workspace;
    private final Set<String> checkedFolders = ConcurrentHashMap.newKeySet();

    public WorkspacePaths(Path workspace) {
        this.workspace = workspace;
    }

    /** Throws a problem naming the first linked component of {@code relative} (workspace-relative, '/'-separated). */
    public void requireNoLinks(String relative) {
        int from = 0;
        while (true) {
            int slash = relative.indexOf('/', from);
            String prefix = slash < 0 ? relative : relative.substring(0, slash);
            if (prefix.isEmpty() || checkedFolders.contains(prefix)) {
                // checked before, or a leading or doubled slash
            } else if (!check(prefix)) {
                return;
            } else if (slash >= 0) {
                checkedFolders.add(prefix);
            }
            if (slash < 0 || slash == relative.length() - 1) {
                return;
            }
            from = slash + 1;
        }
    }

    /** {@link #requireNoLinks} for each of {@code paths}. */
    public void requireNoLinks(Collection<String> paths) {
        paths.forEach(this::requireNoLinks);
    }

    /** One path, without a cache: {@code new WorkspacePaths(workspace).requireNoLinks(relative)}. */
    public static void check(Path workspace, String relative) {
        new WorkspacePaths(workspace).requireNoLinks(relative);
    }

    /** False when {@code prefix} does not exist (nothing below it can be a link), true when it is no link. */
    private boolean check(String prefix) {
        Path path = workspace.resolve(prefix);
        if (Files.isSymbolicLink(path)) {
            String target;
            try {
                target = Files.readSymbolicLink(path).toString();
            } catch (IOException e) {
                target = "?";
            }
            throw new EnvforgeException(new Problem(
                    prefix,
                    "",
                    null,
                    "is a symbolic link (to " + target
                            + "); envforge reads and writes only real files and folders inside the workspace",
                    "replace the link with a real " + (prefix.endsWith(".yaml") ? "file" : "folder")
                            + " (or remove it), then run again"));
        }
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }
}
