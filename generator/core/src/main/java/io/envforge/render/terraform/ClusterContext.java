package io.envforge.render.terraform;

import static io.envforge.render.terraform.Hcl.str;

import io.envforge.model.Cloud;
import io.envforge.model.Environment;
import io.envforge.model.GitOps;
import io.envforge.render.Layout;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The template context of the cluster ({@code cluster.tf} of stage 1) and of stage 2 ({@code cluster-addons/}): the
 * stage 1 context plus the node pool, the stage 2 state key and the Git repository Flux is bootstrapped from.
 */
final class ClusterContext {

    /** Stage 2's folder under the environment's root, and the suffix of its state key. */
    static final String ADDONS = "cluster-addons";

    /**
     * Machine type per node size and cloud: general-purpose, 2 / 4 / 8 vCPUs with 8 / 16 / 32 GiB. The medium one
     * holds the default layers (API 2 x 1 CPU / 2 GiB requests, integration 2 x 0.5 CPU / 1 GiB) on two nodes.
     */
    static final Map<String, Map<Cloud, String>> NODE_TYPES = Map.of(
            "small", Map.of(Cloud.AWS, "m6i.large", Cloud.AZURE, "Standard_D2s_v5"),
            "medium", Map.of(Cloud.AWS, "m6i.xlarge", Cloud.AZURE, "Standard_D4s_v5"),
            "large", Map.of(Cloud.AWS, "m6i.2xlarge", Cloud.AZURE, "Standard_D8s_v5"));

    private ClusterContext() {}

    static Map<String, Object> of(Environment env) {
        Map<String, Object> c = new LinkedHashMap<>(TerraformContext.of(env));
        c.put("zones", Hcl.strings(env.zones()));
        c.put("nodeType", str(NODE_TYPES.get(env.nodes().size()).get(env.cloud())));
        c.put("nodeMin", String.valueOf(env.nodes().min()));
        c.put("nodeMax", String.valueOf(env.nodes().max()));
        c.put("addonsKey", str(env.state().stageKey(ADDONS)));
        boolean flux = GitOps.FLUX.equals(env.gitops().controller());
        c.put("flux", flux);
        c.put("controllerName", flux ? "Flux" : "Argo CD");
        c.put("fluxArtifacts", env.gitops().fluxArtifacts());
        c.put("gitUrl", str(env.gitops().repoUrl()));
        c.put("gitBranch", str(env.gitops().branch()));
        // flux bootstrap --path: the folder the README's bootstrap names and FluxRenderer writes sync.yaml under.
        c.put("fluxPath", str(Layout.fluxPath(env.name())));
        return c;
    }
}
