package io.envforge.pipeline;

import io.envforge.model.Account;
import io.envforge.model.Accounts;
import io.envforge.model.Quota;
import io.envforge.spec.EnvironmentSpec;
import io.envforge.spec.PlatformSpec;
import io.envforge.validate.Finding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Warnings before a cloud quota is reached: per account and region (per account for quotas that count the whole
 * subscription), how much of each known quota ({@link Quota}) the environments use, from 80 % of the limit on. The
 * limits are the cloud's documented defaults unless {@code spec.accounts[].quotas} raises them.
 */
final class Capacity {

    /** Warn from this share of a quota on, in percent. */
    static final int WARN_PERCENT = 80;

    private Capacity() {}

    static List<Finding> warnings(PlatformSpec platform, Collection<EnvironmentSpec> specs) {
        Usage usage = Usage.of(platform, specs);
        String connectivity = Usage.connectivity(platform);
        List<Finding> out = new ArrayList<>();
        for (Account account : Accounts.of(platform).all()) {
            for (Quota quota : Quota.of(account.cloud())) {
                int limit = account.limit(quota);
                List<String> scopes = quota.wholeAccount() ? List.of("") : List.copyOf(usage.regions(account));
                for (String region : scopes) {
                    int used = usage.used(account, region, quota, connectivity);
                    if (used * 100L >= (long) limit * WARN_PERCENT && used > 0) {
                        out.add(Finding.warning(
                                platform.file(), account.path(), message(account, region, quota, used, limit)));
                    }
                }
            }
        }
        return out;
    }

    private static String message(Account account, String region, Quota quota, int used, int limit) {
        boolean raised = account.quotas().containsKey(quota);
        String where = account.cloud().id() + " account " + account.describe() + (region.isEmpty() ? "" : " " + region);
        String state = used > limit
                ? "over the quota: the environments beyond it cannot be applied"
                : used == limit
                        ? "the quota is reached: the next environment there cannot be applied"
                        : "near the quota";
        return where + ": the environments use " + used + " of " + limit + " " + quota.label() + " ("
                + (raised ? "raised in spec.accounts" : "the " + account.cloud().id() + " default") + ", "
                + quota.source() + "), " + state + "; raise the quota in the cloud and set it in "
                + (Accounts.DEFAULT.equals(account.name()) ? "spec.accounts[].quotas." : account.path() + ".quotas.")
                + quota.key() + ", or spread new environments over more accounts and regions (spec.accounts)";
    }
}
