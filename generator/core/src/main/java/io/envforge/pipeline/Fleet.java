package io.envforge.pipeline;

import io.envforge.model.Environment;
import io.envforge.model.ModelResolver;
import io.envforge.network.Cidr;
import io.envforge.render.FleetRenderer;
import io.envforge.render.OutputTree;
import io.envforge.spec.EnvironmentSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fleet step: resolves every environment of the repository (not only the selected ones, whose specs are given
 * as they will be after the run) and lets each {@link FleetRenderer} add its files once.
 */
final class Fleet {

    private Fleet() {
    }

    static OutputTree render(List<FleetRenderer> renderers, ModelResolver resolver, Map<String, EnvironmentSpec> specs,
            Map<String, Cidr> blocks, OutputTree tree) {
        if (renderers.isEmpty()) {
            return tree;
        }
        List<Environment> all = new ArrayList<>();
        for (EnvironmentSpec spec : specs.values()) {
            Map<String, Cidr> others = new LinkedHashMap<>(blocks);
            others.remove(spec.name());
            all.add(resolver.resolve(spec, others));
        }
        OutputTree.Builder out = OutputTree.builder().putAll(tree);
        renderers.forEach(r -> r.render(List.copyOf(all), out));
        return out.build();
    }

    static List<String> owned(List<FleetRenderer> renderers) {
        return renderers.stream().flatMap(r -> r.owned().stream()).distinct().sorted().toList();
    }
}
