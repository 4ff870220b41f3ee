package io.envforge.model;

/**
 * Where the environment's Terraform state lives: one state per environment, with locking.
 *
 * @param container S3 bucket (AWS) or storage container (Azure)
 * @param key the state object's key
 * @param account Azure: the storage account; AWS: null
 * @param resourceGroup Azure: the storage account's resource group; AWS: null
 * @param region AWS: the bucket's own region ({@code spec.aws.stateRegion}), whatever the environment's region;
 *     Azure: null (the backend finds the storage account by name)
 */
public record TerraformState(String container, String key, String account, String resourceGroup, String region) {

    public TerraformState {
        Checks.notBlank("terraform.state.container", container);
        Checks.notBlank("terraform.state.key", key);
    }

    /**
     * The key of a later stage's state in the same bucket or container, beside this one:
     * {@code envforge/dev1/terraform.tfstate} gives {@code envforge/dev1/terraform-cluster-addons.tfstate}.
     */
    public String stageKey(String stage) {
        String base = key.endsWith(".tfstate") ? key.substring(0, key.length() - ".tfstate".length()) : key;
        return base + "-" + stage + ".tfstate";
    }
}
