package io.envforge.render.ansible;

import static io.envforge.render.Yaml.map;

import io.envforge.model.Cloud;
import io.envforge.model.Environment;
import io.envforge.model.Layer;
import io.envforge.model.ProductAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The variables of {@code group_vars/all.yml}, named after the role that reads them ({@code nfs_share_*},
 * {@code database_*}); {@code envforge_*} describe the environment. Secrets are named by their secret store key only.
 */
final class AnsibleVars {

    private AnsibleVars() {}

    static Map<String, Object> of(Environment env) {
        Map<String, Object> vars = map(
                "envforge_environment", env.name(),
                "envforge_cloud", env.cloud().id(),
                "envforge_internal_zone", env.internalZone(),
                "envforge_api_hostname", env.apiHostname(),
                "envforge_secret_store", secretStore(env));
        vars.putAll(nfs(env));
        vars.putAll(database(env));
        vars.put(ProductSchemas.APIM_DIR, distribution(env.api()));
        vars.put(ProductSchemas.MI_DIR, distribution(env.integration()));
        return vars;
    }

    /** Where the secrets named in {@code database_*_secret} live; the README shows how to read them. */
    private static Map<String, Object> secretStore(Environment env) {
        return env.cloud() == Cloud.AWS
                ? map("kind", "aws-secrets-manager", "region", env.secretStore().awsRegion())
                : map(
                        "kind",
                        "azure-key-vault",
                        "vault",
                        env.names().keyVault(),
                        "vault_url",
                        env.secretStore().azureVaultUrl());
    }

    /**
     * The share's folders, each owned by the account of the layer that mounts it, and those accounts. The images give
     * both accounts the same names (wso2carbon:wso2), so on the host that mounts the share each gets its layer's name.
     */
    private static Map<String, Object> nfs(Environment env) {
        List<Map<String, Object>> accounts = new ArrayList<>();
        List<Map<String, Object>> dirs = new ArrayList<>();
        for (Layer layer : env.layers()) {
            ProductAccount account = layer.account();
            accounts.add(map(
                    "name",
                    layer.name(),
                    "uid",
                    account.uid(),
                    "gid",
                    account.gid(),
                    "image_account",
                    account.user() + ":" + account.group()));
            dirs.add(map("path", layer.nfsSubPath(), "uid", account.uid(), "gid", account.gid()));
            layer.nfsMounts()
                    .forEach(m -> dirs.add(
                            map("path", layer.nfsSubPath() + "/" + m, "uid", account.uid(), "gid", account.gid())));
        }
        return map(
                "nfs_share_host",
                env.nfs().host(),
                "nfs_share_export_path",
                env.nfs().path(),
                "nfs_share_accounts",
                accounts,
                "nfs_share_directories",
                dirs);
    }

    private static Map<String, Object> database(Environment env) {
        List<Map<String, Object>> users = new ArrayList<>();
        List<Map<String, Object>> databases = new ArrayList<>();
        for (Layer layer : env.layers()) {
            users.add(map("name", layer.dbUser(), "layer", layer.name(), "secret", layer.remoteDbSecret()));
            for (String db : layer.databases()) {
                ProductSchemas.Script script = ProductSchemas.of(db);
                databases.add(map(
                        "name",
                        db,
                        "owner",
                        layer.dbUser(),
                        "schema_script",
                        script.path(),
                        "marker_table",
                        script.markerTable()));
            }
        }
        return map(
                "database_engine", env.database().engine(),
                "database_host", env.database().host(),
                "database_port", env.database().port(),
                "database_admin_secret", env.database().adminSecret(),
                "database_users", users,
                "database_databases", databases);
    }

    /** Default folder of a product's SQL scripts on the control host: its distribution, unpacked under /opt/wso2. */
    private static String distribution(Layer layer) {
        String repository = layer.image().repository();
        String product = repository.substring(repository.lastIndexOf('/') + 1);
        return "/opt/wso2/" + product + "-" + layer.image().tag() + "/dbscripts";
    }
}
