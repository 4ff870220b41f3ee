package io.envforge.emit;

import java.util.ArrayList;
import java.util.List;

/**
 * What a write changed on disk.
 *
 * @param added files that did not exist
 * @param changed files whose content changed
 * @param removed stale generated files deleted
 * @param unchanged files already up to date (not touched)
 */
public record WriteResult(List<String> added, List<String> changed, List<String> removed, List<String> unchanged) {

    public WriteResult {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
        unchanged = List.copyOf(unchanged);
    }

    /** The files written: added, then changed. */
    public List<String> written() {
        List<String> out = new ArrayList<>(added);
        out.addAll(changed);
        return out;
    }

    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }
}
