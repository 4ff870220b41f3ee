package io.envforge.render.kustomize;

import static io.envforge.render.Yaml.map;

import io.envforge.model.Environment;
import io.envforge.model.Layer;
import io.envforge.model.ProductAccount;
import java.util.List;
import java.util.Map;

/**
 * One product's {@code dbscripts} folder in the preparation Job, taken from the image the product's layer runs (the
 * chart's {@code repository@digest}, or {@code repository:tag} when the spec pins no digest), so the SQL the playbook
 * loads is always the version the layer starts: an init container copies the folder from the product home into an
 * emptyDir, which the ansible container mounts read-only at the folder its environment variable names.
 *
 * <p>Where the scripts are in the products: API Manager 4.3.0 ships {@code <home>/dbscripts/postgresql.sql} (the
 * registry and user-store tables, from the carbon kernel distribution the assembly copies whole) and
 * {@code <home>/dbscripts/apimgt/postgresql.sql} (wso2/product-apim v4.3.0
 * {@code modules/distribution/product/src/main/assembly/bin.xml}: fileSet {@code dbscripts/apimgt/} to
 * {@code wso2am-${pom.version}/dbscripts/apimgt}); Micro Integrator 4.3.0 ships
 * {@code <home>/dbscripts/postgres/postgresql_cluster.sql} (wso2/micro-integrator v4.3.0
 * {@code distribution/src/dbscripts/postgres/}, copied by {@code distribution/src/assembly/bin.xml} to
 * {@code wso2mi-${pom.version}/dbscripts}).
 *
 * <p>{@code cp -R} is there in the images a spec can name: the defaults are Ubuntu based ({@code FROM ubuntu:24.04}
 * in wso2/docker-apim 4.3.x {@code dockerfiles/ubuntu/apim/Dockerfile}, {@code FROM ubuntu:22.04} in wso2/docker-ei
 * 4.3.x {@code dockerfiles/ubuntu/micro-integrator/Dockerfile}, whose own RUN steps use {@code cp -r}, GNU
 * coreutils), while an Alpine variant such as {@code wso2/wso2mi:4.3.0-alpine} (golden azure-tst2; wso2/docker-ei
 * {@code dockerfiles/alpine/micro-integrator/Dockerfile}) has BusyBox, whose {@code cp} takes {@code -R} as well; the
 * charts' init containers run {@code cp -a} in the same images. The command replaces the image's entrypoint, so the product
 * does not start.
 *
 * @param envVar the variable {@code ansible/in-cluster-vars.yml} reads the folder from
 * @param dir the folder: the inventory's variable, unchanged, so the Job and a control host name the same path
 * @param layer the layer whose image holds the scripts
 */
record ProductScripts(String envVar, String dir, Layer layer) {

    /** Where each init container mounts its emptyDir. */
    static final String TARGET = "/dbscripts";

    static List<ProductScripts> of(Environment env, Map<String, Object> vars) {
        return List.of(
                new ProductScripts("ENVFORGE_APIM_SQL_DIR", (String) vars.get("apim_sql_dir"), env.api()),
                new ProductScripts("ENVFORGE_MI_SQL_DIR", (String) vars.get("mi_sql_dir"), env.integration()));
    }

    /** The emptyDir's and the init container's name. */
    String volume() {
        return layer.name() + "-dbscripts";
    }

    /**
     * Runs as the account that owns the product in the image (uid 10001 / 802: runAsNonRoot holds; the emptyDir is
     * world-writable, kubelet creates it 0777), with the ansible container's posture otherwise: no privilege
     * escalation, read-only root, every capability dropped (the Job's pod sets seccomp RuntimeDefault). Both
     * PodSecurity {@code baseline} and {@code restricted} admit it.
     */
    Map<String, Object> initContainer() {
        ProductAccount account = layer.account();
        return map(
                "name",
                volume(),
                "image",
                layer.image().reference(),
                "command",
                List.of("cp", "-R", layer.productHome() + "/dbscripts/.", TARGET + "/"),
                "securityContext",
                map(
                        "runAsUser",
                        account.uid(),
                        "runAsGroup",
                        account.gid(),
                        "runAsNonRoot",
                        true,
                        "allowPrivilegeEscalation",
                        false,
                        "readOnlyRootFilesystem",
                        true,
                        "capabilities",
                        map("drop", List.of("ALL"))),
                "resources",
                map("requests", map("cpu", "50m", "memory", "32Mi"), "limits", map("memory", "64Mi")),
                "volumeMounts",
                List.of(map("name", volume(), "mountPath", TARGET)));
    }
}
