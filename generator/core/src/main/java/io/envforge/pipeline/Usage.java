package io.envforge.pipeline;

import io.envforge.model.Account;
import io.envforge.model.Accounts;
import io.envforge.model.Cloud;
import io.envforge.model.Quota;
import io.envforge.spec.EnvironmentSpec;
import io.envforge.spec.PlatformSpec;
import io.envforge.spec.Reservation;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** How many environments each account holds, per region: counted from the specs. */
final class Usage {

    private final Map<String, Integer> perRegion = new HashMap<>();
    private final Map<String, Integer> perAccount = new HashMap<>();

    private Usage() {}

    static Usage of(PlatformSpec platform, Collection<EnvironmentSpec> specs) {
        return of(platform, specs, Map.of());
    }

    /**
     * Counted from the specs, and from the reservations of environments that have no spec yet (their pull request is
     * open) and were placed when reserved, so two runs racing for the last place of a region cannot both take it.
     */
    @SuppressWarnings("unchecked")
    static Usage of(PlatformSpec platform, Collection<EnvironmentSpec> specs, Map<String, Reservation> ledger) {
        Map<String, Object> defaults = (Map<String, Object>) platform.spec().get("defaults");
        Map<String, Object> regions = (Map<String, Object>) defaults.getOrDefault("region", Map.of());
        Usage out = new Usage();
        for (EnvironmentSpec spec : specs) {
            Cloud cloud = Cloud.of(String.valueOf(spec.spec().getOrDefault("cloud", defaults.get("cloud"))));
            String account = String.valueOf(spec.spec().getOrDefault("account", Accounts.DEFAULT));
            String region = String.valueOf(spec.spec().getOrDefault("region", regions.get(cloud.id())));
            out.add(cloud, account, region);
        }
        java.util.Set<String> named = new java.util.HashSet<>();
        specs.forEach(spec -> named.add(spec.name()));
        Accounts accounts = Accounts.of(platform);
        ledger.values().stream()
                .filter(r -> r.account() != null && !named.contains(r.name()))
                .forEach(r -> accounts.all().stream()
                        .filter(a -> a.name().equals(r.account()))
                        .findFirst()
                        .ifPresent(a -> out.add(a, r.region())));
        return out;
    }

    /** The platform's connectivity mode: vpn (the default) or hub. */
    static String connectivity(PlatformSpec platform) {
        return String.valueOf(platform.spec().getOrDefault("connectivity", "vpn"));
    }

    void add(Account account, String region) {
        add(account.cloud(), account.name(), region);
    }

    private void add(Cloud cloud, String account, String region) {
        perRegion.merge(cloud.id() + "/" + account + "/" + region, 1, Integer::sum);
        perAccount.merge(cloud.id() + "/" + account, 1, Integer::sum);
    }

    /** Environments of {@code account} in {@code region}. */
    int count(Account account, String region) {
        return perRegion.getOrDefault(account.cloud().id() + "/" + account.name() + "/" + region, 0);
    }

    /** Environments of {@code account} in all regions. */
    int count(Account account) {
        return perAccount.getOrDefault(account.cloud().id() + "/" + account.name(), 0);
    }

    /** How much of {@code quota} the environments use: in {@code region}, or in the whole account for such quotas. */
    int used(Account account, String region, Quota quota, String connectivity) {
        return (quota.wholeAccount() ? count(account) : count(account, region)) * quota.perEnvironment(connectivity);
    }

    /** Every region of {@code account} that holds environments, with the declared ones. */
    java.util.SortedSet<String> regions(Account account) {
        java.util.SortedSet<String> out = new java.util.TreeSet<>(account.regions());
        String prefix = account.cloud().id() + "/" + account.name() + "/";
        perRegion.keySet().stream()
                .filter(k -> k.startsWith(prefix))
                .forEach(k -> out.add(k.substring(prefix.length())));
        return out;
    }
}
