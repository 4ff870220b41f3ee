package io.envforge.render.docs;

import io.envforge.model.Cloud;
import io.envforge.model.Environment;
import io.envforge.model.Observability;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The "Logs and metrics" section of {@code ENVIRONMENT.md}: where the environment's logs and metrics are (the names
 * Terraform creates, from {@link Observability}), for how long, and queries that answer usual questions on them.
 */
final class ObservabilityDoc {

    /** The API layer's container (charts/api-gateway templates/statefulset.yaml). */
    static final String API_CONTAINER = "api-manager";
    /** The integration layer's container (charts/integration templates/deployment.yaml). */
    static final String INTEGRATION_CONTAINER = "micro-integrator";

    private ObservabilityDoc() {}

    static Map<String, Object> context(Environment env) {
        Observability o = env.observability();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("aws", env.cloud() == Cloud.AWS);
        c.put("days", o.logRetentionDays());
        c.put("logGroups", o.logGroups());
        c.put("applicationGroup", o.logGroups().get(0));
        c.put("controlPlaneGroup", "/aws/eks/" + o.cluster() + "/cluster");
        c.put("workspace", o.workspace());
        c.put("metricsWorkspace", o.metricsWorkspace());
        c.put("resourceGroup", env.names().resourceGroup());
        c.put("apiContainer", API_CONTAINER);
        c.put("integrationContainer", INTEGRATION_CONTAINER);
        return c;
    }
}
