package io.envforge.ansible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.model.Environment;
import io.envforge.model.Layer;
import io.envforge.pipeline.Envforge;
import io.envforge.render.Layout;
import io.envforge.render.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** What the inventory says comes from the model, and nothing secret is in it. */
class AnsibleRendererTest {

    static final Iterable<String> ENVS = Environments.NAMES;

    @ParameterizedTest(name = "{0}")
    @FieldSource("ENVS")
    void writesTwoFilesWithTheHeaderAndSameBytesEachTime(String env) {
        Map<String, String> files = Environments.render(env).files();
        String dir = Layout.ansible(env);
        assertEquals(List.of(dir + "group_vars/all.yml", dir + "hosts.yml"), List.copyOf(files.keySet()));
        files.values().forEach(text -> assertTrue(text.startsWith(Layout.header(env, Layout.spec(env))), text));
        assertEquals(files, Environments.render(env).files());
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("ENVS")
    void endpointsUsersAndDatabasesComeFromTheModel(String name) {
        Environment env = Environments.resolve(name);
        Map<String, Object> vars = load(name, "group_vars/all.yml");
        assertEquals(env.database().host(), vars.get("database_host"));
        assertEquals(env.database().port(), vars.get("database_port"));
        assertEquals(env.database().adminSecret(), vars.get("database_admin_secret"));
        assertEquals(env.nfs().host(), vars.get("nfs_share_host"));
        assertEquals(env.nfs().path(), vars.get("nfs_share_export_path"));
        List<Object> users = new ArrayList<>();
        List<Object> databases = new ArrayList<>();
        for (Layer layer : env.layers()) {
            users.add(Map.of("name", layer.dbUser(), "layer", layer.name(), "secret", layer.remoteDbSecret()));
            layer.databases().forEach(db -> databases.add(List.of(db, layer.dbUser())));
        }
        assertEquals(users, vars.get("database_users"));
        assertEquals(
                databases,
                ((List<?>) vars.get("database_databases"))
                        .stream()
                                .map(d -> List.of(((Map<?, ?>) d).get("name"), ((Map<?, ?>) d).get("owner")))
                                .toList());
        assertEquals(
                List.of(
                        List.of("api-gateway", 10001), List.of("api-gateway/synapse-configs", 10001),
                        List.of("integration", 802), List.of("integration/carbonapps", 802)),
                ((List<?>) vars.get("nfs_share_directories"))
                        .stream()
                                .map(d -> List.of(((Map<?, ?>) d).get("path"), ((Map<?, ?>) d).get("uid")))
                                .toList());
        Map<?, ?> groups = (Map<?, ?>) ((Map<?, ?>) load(name, "hosts.yml").get("all")).get("children");
        assertEquals(
                Map.of("database", env.database().host(), "nfs", env.nfs().host()),
                Map.of("database", onlyHost(groups.get("database")), "nfs", onlyHost(groups.get("nfs"))));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("ENVS")
    void noSecretValueIsGenerated(String env) {
        Environments.render(env)
                .files()
                .values()
                .forEach(text ->
                        assertFalse(text.toLowerCase(java.util.Locale.ROOT).contains("password"), text));
    }

    @Test
    void theStandardPipelineRendersInventoriesAfterFlux() {
        List<String> steps = Envforge.standard(Repo.root()).renderSteps();
        assertTrue(
                steps.indexOf("flux") >= 0 && steps.indexOf("ansible-inventory") > steps.indexOf("flux"),
                steps.toString());
    }

    private static Map<String, Object> load(String env, String file) {
        return Yaml.loadAll(Environments.render(env).get(Layout.ansible(env) + file))
                .get(0);
    }

    private static Object onlyHost(Object group) {
        Map<?, ?> hosts = (Map<?, ?>) ((Map<?, ?>) group).get("hosts");
        assertEquals(1, hosts.size(), hosts.toString());
        return hosts.keySet().iterator().next();
    }
}
