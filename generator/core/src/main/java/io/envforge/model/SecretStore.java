package io.envforge.model;

/**
 * Where the cluster reads secrets from and as whom (External Secrets Operator, namespaced SecretStore).
 *
 * @param serviceAccount the Kubernetes ServiceAccount ESO authenticates as
 * @param awsRegion AWS: the Secrets Manager region, else null
 * @param awsRoleArn AWS: the IAM role (IRSA) the ServiceAccount assumes, else null
 * @param azureVaultUrl Azure: the Key Vault URL, else null
 * @param azureClientId Azure: the workload identity's client id once known (a Terraform output), else null
 * @param azureTenantId Azure: the tenant, else null
 */
public record SecretStore(
        String serviceAccount,
        String awsRegion,
        String awsRoleArn,
        String azureVaultUrl,
        String azureClientId,
        String azureTenantId) {

    public static final String NAME = "envforge";

    public SecretStore {
        Checks.notBlank("secretStore.serviceAccount", serviceAccount);
    }
}
