package io.envforge.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Cloud resource names derived from the environment's name, deterministic so that manifests and Terraform agree
 * without a round trip. Globally unique Azure names get a short hash of the platform and environment.
 *
 * @param prefix prefix of every resource ({@code envforge-dev1})
 * @param resourceGroup Azure resource group
 * @param keyVault Azure Key Vault (3..24 characters, globally unique)
 * @param storageAccount Azure storage account for the NFS share (3..24 lower-case letters and digits)
 * @param share the NFS share's name
 * @param secretsReader the IAM role (AWS) or user-assigned identity (Azure) the cluster reads secrets as
 * @param secretPrefix AWS: every Secrets Manager key of the environment starts with it ({@code envforge/dev1/}); the
 *     secrets reader may read nothing else
 */
public record CloudNames(
        String prefix,
        String resourceGroup,
        String keyVault,
        String storageAccount,
        String share,
        String secretsReader,
        String secretPrefix) {

    public static CloudNames of(String platform, String environment) {
        String alnum = environment.replace("-", "");
        String shortName = alnum.length() > 14 ? alnum.substring(0, 14) : alnum;
        String hash = sha256(platform + "/" + environment).substring(0, 6);
        String prefix = "envforge-" + environment;
        return new CloudNames(
                prefix,
                "rg-" + prefix,
                "kv" + shortName + hash,
                "ef" + shortName + hash,
                "shared",
                prefix + "-secrets-reader",
                "envforge/" + environment + "/");
    }

    /**
     * AWS: the {@code Name} tag of the API entry point's security group; the load balancer Service names it in
     * {@code service.beta.kubernetes.io/aws-load-balancer-security-groups}, which accepts IDs or Name tags (AWS Load
     * Balancer Controller, docs/guide/service/annotations.md), so the manifests need no id from Terraform.
     */
    public String apiEntrySecurityGroup() {
        return prefix + "-api-entry";
    }

    /**
     * Azure: the environment's container registry, globally unique, 5..50 letters and digits (no dashes): the Key
     * Vault's short name and hash behind {@code acr}.
     */
    public String registry() {
        return "acr" + keyVault.substring(2);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
