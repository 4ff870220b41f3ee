package io.envforge.pipeline;

import io.envforge.emit.TreeWriter;
import io.envforge.emit.WriteResult;
import io.envforge.render.OutputTree;
import io.envforge.summary.ChangeSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The change summary of a planned write: old texts read from disk before anything is written, new from the tree (with the
 * documents the renderers kept, so the new side is not parsed again). */
final class Changes {

    private Changes() {}

    static ChangeSummary of(TreeWriter writer, OutputTree tree, WriteResult plan) {
        List<String> old = new ArrayList<>(plan.changed());
        old.addAll(plan.removed());
        Map<String, String> after = new LinkedHashMap<>();
        plan.written().forEach(p -> after.put(p, tree.get(p)));
        return ChangeSummary.of(
                writer.current(old), after, path -> tree.documents(path).orElse(null));
    }
}
