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
 * variables, outputs). {@code terraform apply} there creates the network, the VPN or hub attachment, the database,
 * the NFS share and the secrets the manifests rely on.
 */
public final class TerraformRenderer implements Renderer {

    /** The root's files, each rendered from {@code terraform/<cloud>/<file>.jinja}. */
    static final List<String> FILES = List.of("versions.tf", "providers.tf", "variables.tf", "main.tf", "outputs.tf");

    @Override
    public void warmUp() {
        Templates.warmUp();
    }

    @Override
    public String name() {
        return "terraform";
    }

    @Override
    public void render(Environment env, OutputTree.Builder out) {
        Map<String, Object> context = TerraformContext.of(env);
        String header = Layout.header(env.name(), Layout.spec(env.name()));
        for (String file : FILES) {
            String body = Templates.render("terraform/" + env.cloud().id() + "/" + file + ".jinja", context);
            out.put(Layout.terraform(env.name()) + file, header + body);
        }
    }
}
