package io.envforge.render.ansible;

import static io.envforge.render.Yaml.map;

import io.envforge.model.Environment;
import io.envforge.render.Layout;
import io.envforge.render.OutputTree;
import io.envforge.render.Renderer;
import java.util.Map;

/**
 * Writes {@code hosts.yml} and {@code group_vars/all.yml} of an environment's inventory. The hosts are the database
 * and NFS endpoints; the plays run on the control host ({@code ansible_connection: local}), which reaches the
 * database over the network and has the share mounted.
 */
public final class AnsibleRenderer implements Renderer {

    public static final String HOSTS = "hosts.yml";
    public static final String VARS = "group_vars/all.yml";

    @Override
    public String name() {
        return "ansible-inventory";
    }

    @Override
    public OutputTree render(Environment env) {
        OutputTree.Builder out = OutputTree.builder();
        String header = Layout.header(env.name(), Layout.spec(env.name()));
        String dir = Layout.ansible(env.name());
        out.putDocument(dir + HOSTS, header, hosts(env));
        out.putDocument(dir + VARS, header, AnsibleVars.of(env));
        return out.build();
    }

    /** {@code group_vars/all.yml}'s content, for the preparation Job's inventory ConfigMap. */
    public static Map<String, Object> vars(Environment env) {
        return AnsibleVars.of(env);
    }

    /** {@code hosts.yml}'s content, for the preparation Job's inventory ConfigMap. */
    public static Map<String, Object> hosts(Environment env) {
        return map(
                "all",
                map(
                        "children",
                        map(
                                "database", group(env.database().host()),
                                "nfs", group(env.nfs().host()))));
    }

    private static Map<String, Object> group(String host) {
        return map(
                "hosts",
                map(
                        host,
                        map(
                                "ansible_connection", "local",
                                "ansible_python_interpreter", "{{ ansible_playbook_python }}")));
    }
}
