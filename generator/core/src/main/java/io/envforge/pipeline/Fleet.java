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
 * as they will be after the run) and lets each {@link FleetRenderer} add its files once.
 */
final class Fleet {

    private Fleet() {}

    /** The fleet renderers' files only. */
    static OutputTree render(
            List<FleetRenderer> renderers,
            ModelResolver resolver,
            Map<String, EnvironmentSpec> specs,
            SortedMap<String, Cidr> blocks) {
        OutputTree.Builder out = OutputTree.builder();
        if (renderers.isEmpty()) {
            return out.build();
        }
        List<Environment> all = specs.values().parallelStream()
                .map(spec -> resolver.resolve(spec, blocks))
                .toList();
        renderers.forEach(r -> r.render(List.copyOf(all), out));
        return out.build();
    }

    static List<String> owned(List<FleetRenderer> renderers) {
        return renderers.stream()
                .flatMap(r -> r.owned().stream())
                .distinct()
                .sorted()
                .toList();
    }
}
