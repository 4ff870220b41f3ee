package io.envforge.pipeline;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.model.Account;
import io.envforge.model.Accounts;
import io.envforge.model.Cloud;
import io.envforge.model.Quota;
import io.envforge.spec.EnvironmentSpec;
import io.envforge.spec.PlatformSpec;
import io.envforge.spec.Reservation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where new environments live when the platform file lists {@code spec.accounts}: the first account of the
 * environment's cloud, in declared order, and the first of its regions, that holds fewer environments than its
 * {@code capacity} and where one more environment stays within every quota. A pure function of the platform file and
 * the specs (environments counted per account and region, by {@code spec.account} and {@code spec.region}), so a
 * re-run on top of another run's commit places around it, as the address pools do.
 */
final class Placement {

    /** An account and a region. */
    record Place(Account account, String region) {}

    private Placement() {}

    /**
     * Places {@code created} (name → cloud), in order: where its reservation placed it, else the first place with
     * room; empty when the platform file lists no accounts.
     */
    static Map<String, Place> place(
            PlatformSpec platform,
            Collection<EnvironmentSpec> specs,
            Map<String, Reservation> ledger,
            Map<String, Cloud> created) {
        Accounts accounts = Accounts.of(platform);
        Map<String, Place> out = new LinkedHashMap<>();
        if (!accounts.declared() || created.isEmpty()) {
            return out;
        }
        Usage usage = Usage.of(platform, specs, ledger);
        created.forEach((name, cloud) -> {
            Reservation reserved = ledger.get(name);
            if (reserved != null && reserved.account() != null) {
                out.put(
                        name,
                        new Place(
                                accounts.find(cloud, reserved.account())
                                        .filter(a -> a.cloud() == cloud)
                                        .orElseThrow(() -> new EnvforgeException(new Problem(
                                                reserved.file(),
                                                "spec.account",
                                                reserved.account(),
                                                "names no " + cloud.id() + " account in spec.accounts of "
                                                        + platform.file(),
                                                "release the reservation (envforge remove --env " + name
                                                        + ") and run again"))),
                                reserved.region()));
                return;
            }
            Place place = first(accounts.of(cloud), usage, platform)
                    .orElseThrow(() -> full(platform, name, cloud, accounts.of(cloud), usage));
            usage.add(place.account(), place.region());
            out.put(name, place);
        });
        return out;
    }

    private static java.util.Optional<Place> first(List<Account> accounts, Usage usage, PlatformSpec platform) {
        String connectivity = Usage.connectivity(platform);
        for (Account account : accounts) {
            for (String region : account.regions()) {
                if (usage.count(account, region) < account.capacity()
                        && Quota.of(account.cloud()).stream()
                                .allMatch(q ->
                                        usage.used(account, region, q, connectivity) + q.perEnvironment(connectivity)
                                                <= account.limit(q))) {
                    return java.util.Optional.of(new Place(account, region));
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static EnvforgeException full(
            PlatformSpec platform, String name, Cloud cloud, List<Account> accounts, Usage usage) {
        List<String> counts = new ArrayList<>();
        for (Account a : accounts) {
            Map<String, Integer> per = new TreeMap<>();
            a.regions().forEach(r -> per.put(r, usage.count(a, r)));
            counts.add(a.describe() + " "
                    + per.entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue() + "/" + a.capacity())
                            .toList());
        }
        return new EnvforgeException(new Problem(
                platform.file(),
                "spec.accounts",
                null,
                "no " + cloud.id()
                        + " account has room for environment " + name + " ("
                        + (counts.isEmpty() ? "none is listed" : String.join("; ", counts))
                        + ", or a quota would be exceeded)",
                "add an account or a region"
                        + " to spec.accounts, or raise a capacity (and the cloud quota behind it)"));
    }
}
