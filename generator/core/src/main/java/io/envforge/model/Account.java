package io.envforge.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One cloud account (AWS) or subscription (Azure) that environments are placed in: an entry of
 * {@code spec.accounts}, or the platform's single account ({@code spec.aws.accountId},
 * {@code spec.azure.subscriptionId}) when that list is absent.
 *
 * @param name the name specs use ({@code spec.account}); {@code default} for the single account
 * @param cloud its cloud
 * @param id the AWS account ID or Azure subscription ID; null when the platform file gives none
 * @param regions where new environments go, in order of preference
 * @param capacity environments placed per region
 * @param quotas the limits in force (the defaults, or the raised values of {@code quotas})
 * @param path where it is declared in the platform file, for messages
 */
public record Account(
        String name,
        Cloud cloud,
        String id,
        List<String> regions,
        int capacity,
        Map<Quota, Integer> quotas,
        String path) {

    public Account {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cloud, "cloud");
        regions = List.copyOf(regions);
        quotas = Map.copyOf(quotas);
    }

    /** The limit of {@code quota} for this account. */
    public int limit(Quota quota) {
        return quotas.getOrDefault(quota, quota.defaultLimit());
    }

    /** How it is named in messages: {@code aws-eu-a (123456789012)}. */
    public String describe() {
        return name + (id == null ? "" : " (" + id + ")");
    }
}
