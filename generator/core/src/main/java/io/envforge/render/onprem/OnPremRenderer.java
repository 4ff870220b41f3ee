package io.envforge.render.onprem;

import io.envforge.model.Environment;
import io.envforge.render.Layout;
import io.envforge.render.OutputTree;
import io.envforge.render.Renderer;

/**
 * {@code terraform/environments/<env>/onprem/}: what on-prem systems need of the environment, for the pipeline to
 * hand over: {@code dns.nsupdate} (when the platform names an on-prem DNS server, {@code spec.onPrem.dns}).
 */
public final class OnPremRenderer implements Renderer {

    /** The folder, below the environment's Terraform root. */
    public static final String FOLDER = "onprem/";

    @Override
    public String name() {
        return "onprem";
    }

    @Override
    public OutputTree render(Environment env) {
        OutputTree.Builder out = OutputTree.builder();
        String dir = Layout.terraform(env.name()) + FOLDER;
        if (env.onPrem().dns() != null) {
            out.put(dir + "dns.nsupdate", DnsUpdate.render(env, Layout.spec(env.name())));
        }
        return out.build();
    }
}
