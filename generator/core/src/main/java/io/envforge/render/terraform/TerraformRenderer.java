package io.envforge.render.terraform;

import io.envforge.model.Environment;
import io.envforge.render.Layout;
import io.envforge.render.OutputTree;
import io.envforge.render.Renderer;
import io.envforge.render.Templates;
import java.util.List;
import java.util.Map;

/**
 * {@code terraform/environments/<env>/}: the environment's Terraform root (backend, providers, module calls,
 * variables, outputs). {@code terraform apply} there (stage 1) creates the network, the VPN or hub attachment, the
 * cluster, the database, the NFS share and the secrets the manifests rely on; stage 2 in {@code cluster-addons/}
 * reads stage 1's state and installs the controllers and Flux in the cluster.
 */
public final class TerraformRenderer implements Renderer {

    /** The root's files, each rendered from {@code terraform/<cloud>/<file>.jinja}. */
    static final List<String> FILES =
            List.of("versions.tf", "providers.tf", "variables.tf", "main.tf", "outputs.tf", "registry.tf");

    @Override
    public void warmUp() {
        Templates.warmUp();
    }

    @Override
    public String name() {
        return "terraform";
    }

    @Override
    public OutputTree render(Environment env) {
        OutputTree.Builder out = OutputTree.builder();
        Map<String, Object> context = TerraformContext.of(env);
        String header = Layout.header(env.name(), Layout.spec(env.name()));
        for (String file : FILES) {
            String body = Templates.render("terraform/" + env.cloud().id() + "/" + file + ".jinja", context);
            out.put(Layout.terraform(env.name()) + file, header + body);
        }
        renderCluster(env, header, out);
        return out.build();
    }

    /** Stage 2's files, in {@code cluster-addons/}, each rendered from {@code terraform/<cloud>/cluster-addons/}. */
    static final List<String> ADDONS_FILES =
            List.of("versions.tf", "providers.tf", "variables.tf", "main.tf", "outputs.tf");

    /**
     * Stage 1's {@code cluster.tf} (the cluster and the outputs stage 2 reads) and the stage 2 root
     * {@code cluster-addons/}, which installs what runs in the cluster once it exists.
     */
    private static void renderCluster(Environment env, String header, OutputTree.Builder out) {
        Map<String, Object> context = ClusterContext.of(env);
        String templates = "terraform/" + env.cloud().id() + "/";
        String root = Layout.terraform(env.name());
        out.put(root + "cluster.tf", header + Templates.render(templates + "cluster.tf.jinja", context));
        out.put(root + "observability.tf", header + Templates.render(templates + "observability.tf.jinja", context));
        for (String file : ADDONS_FILES) {
            String body = Templates.render(templates + ClusterContext.ADDONS + "/" + file + ".jinja", context);
            out.put(root + ClusterContext.ADDONS + "/" + file, header + body);
        }
    }
}
