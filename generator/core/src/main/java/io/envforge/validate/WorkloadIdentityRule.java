package io.envforge.validate;

import java.util.List;
import java.util.Map;

/**
 * Azure workload identity needs the identity's client id, which exists only once Terraform created it. Until the spec
 * carries it, the secret store cannot authenticate: a warning says how to close the loop.
 */
public final class WorkloadIdentityRule implements Rule {

    static final String USE = "azure.workload.identity/use";
    static final String CLIENT_ID = "azure.workload.identity/client-id";

    @Override
    public String name() {
        return "workload-identity";
    }

    @Override
    public void check(String file, List<Map<String, Object>> docs, Map<String, String> tree, List<Finding> findings) {
        for (Map<String, Object> doc : docs) {
            if (!"ServiceAccount".equals(doc.get("kind"))) {
                continue;
            }
            Map<String, Object> metadata = Objects.metadata(doc);
            boolean uses = metadata.get("labels") instanceof Map<?, ?> labels && "true".equals(labels.get(USE));
            boolean hasId = metadata.get("annotations") instanceof Map<?, ?> a && a.containsKey(CLIENT_ID);
            if (uses && !hasId) {
                findings.add(Finding.warning(file, Objects.id(doc), "no workload identity client id yet, so the"
                        + " secret store cannot read Key Vault: apply terraform/environments/<env>, then set"
                        + " spec.secrets.azureClientId in the spec to its output secrets_reader_client_id"));
            }
        }
    }
}
