package io.envforge.pipeline;

import io.envforge.model.Environment;
import io.envforge.model.ModelResolver;
import io.envforge.network.Cidr;
import io.envforge.render.FleetRenderer;
import io.envforge.render.OutputTree;
import io.envforge.spec.EnvironmentSpec;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The fleet step: resolves every environment of the repository (not only the selected ones, whose specs are given
 * as they will be after the run) and merges the files of each {@link FleetRenderer}, rendered once.
 */
final class Fleet {

    private Fleet() {}

    /** The fleet renderers' files only. */
    static OutputTree render(
            List<FleetRenderer> renderers,
            ModelResolver resolver,
            Map<String, EnvironmentSpec> specs,
            SortedMap<String, Cidr> blocks) {
        if (renderers.isEmpty()) {
            return OutputTree.empty();
        }
        List<Environment> all = specs.values().parallelStream()
                .map(spec -> resolver.resolve(spec, blocks))
                .toList();
        OutputTree out = OutputTree.empty();
        for (FleetRenderer renderer : renderers) {
            out = out.plus(renderer.render(List.copyOf(all)));
        }
        return out;
    }

    static List<String> owned(List<FleetRenderer> renderers) {
        return renderers.stream()
                .flatMap(r -> r.owned().stream())
                .distinct()
                .sorted()
                .toList();
    }
}
