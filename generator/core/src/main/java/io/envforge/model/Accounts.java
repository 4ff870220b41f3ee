package io.envforge.model;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.spec.PlatformSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The accounts and subscriptions of the platform file, typed and checked beyond the schema: names unique, each ID the
 * shape its cloud uses, each region a region name of that cloud, each quota key one that cloud has.
 */
public final class Accounts {

    /** Name of the platform's single account when {@code spec.accounts} is absent. */
    public static final String DEFAULT = "default";

    private static final Pattern AWS_ID = Pattern.compile("[0-9]{12}");
    private static final Pattern GUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final List<Account> declared;
    private final Map<Cloud, Account> single;

    private Accounts(List<Account> declared, Map<Cloud, Account> single) {
        this.declared = List.copyOf(declared);
        this.single = single;
    }

    /** True when the platform file lists {@code spec.accounts}. */
    public boolean declared() {
        return !declared.isEmpty();
    }

    /** The accounts new environments of {@code cloud} may go to, in order; the single account when none is listed. */
    public List<Account> of(Cloud cloud) {
        List<Account> out = declared.stream().filter(a -> a.cloud() == cloud).toList();
        return out.isEmpty() && !declared() ? List.of(single.get(cloud)) : out;
    }

    /**
     * The account named {@code name} ({@code spec.account}); for none, the platform's single account of {@code cloud}
     * (where environments created before {@code spec.accounts} was declared live).
     */
    public Optional<Account> find(Cloud cloud, String name) {
        if (name == null) {
            return Optional.of(single.get(cloud));
        }
        return declared.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** Every account: the declared ones, then the single ones (which hold environments created before them). */
    public List<Account> all() {
        List<Account> out = new ArrayList<>(declared);
        out.add(single.get(Cloud.AWS));
        out.add(single.get(Cloud.AZURE));
        return out;
    }

    @SuppressWarnings("unchecked")
    public static Accounts of(PlatformSpec platform) {
        SpecValues tree = new SpecValues(platform.spec());
        Map<Cloud, Account> single = new EnumMap<>(Cloud.class);
        single.put(
                Cloud.AWS,
                new Account(
                        DEFAULT,
                        Cloud.AWS,
                        tree.string("aws.accountId"),
                        List.of(tree.string("defaults.region.aws")),
                        Integer.MAX_VALUE,
                        Map.of(),
                        "spec.aws.accountId"));
        single.put(
                Cloud.AZURE,
                new Account(
                        DEFAULT,
                        Cloud.AZURE,
                        tree.string("azure.subscriptionId"),
                        List.of(tree.string("defaults.region.azure")),
                        Integer.MAX_VALUE,
                        Map.of(),
                        "spec.azure.subscriptionId"));
        List<Object> raw = tree.list("accounts");
        List<Account> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            Map<String, Object> a = (Map<String, Object>) raw.get(i);
            String path = "spec.accounts[" + i + "]";
            String name = (String) a.get("name");
            if (!names.add(name)) {
                throw fail(
                        platform,
                        path + ".name",
                        name,
                        "is the name of an earlier account",
                        "give each account its own name");
            }
            Cloud cloud = Cloud.of((String) a.get("cloud"));
            String id = (String) a.get("id");
            if (!(cloud == Cloud.AWS ? AWS_ID : GUID).matcher(id).matches()) {
                throw fail(
                        platform,
                        path + ".id",
                        id,
                        cloud == Cloud.AWS ? "is not an AWS account ID" : "is not an Azure subscription ID",
                        cloud == Cloud.AWS
                                ? "give the 12 digits, for example" + " \"123456789012\""
                                : "give the subscription's GUID, for example"
                                        + " 00000000-0000-0000-0000-000000000000");
            }
            List<String> regions = (List<String>) a.get("regions");
            for (int r = 0; r < regions.size(); r++) {
                Pattern p = cloud == Cloud.AWS ? ValueCheck.AWS_REGION : ValueCheck.AZURE_REGION;
                if (!p.matcher(regions.get(r)).matches()) {
                    throw fail(
                            platform,
                            path + ".regions[" + r + "]",
                            regions.get(r),
                            "is not " + (cloud == Cloud.AWS ? "an AWS region code" : "an Azure region name"),
                            cloud == Cloud.AWS ? "for example eu-west-1" : "for example westeurope");
                }
            }
            Map<Quota, Integer> quotas = new EnumMap<>(Quota.class);
            ((Map<String, Object>) a.getOrDefault("quotas", Map.of()))
                    .forEach((key, value) -> quotas.put(
                            Quota.byKey(cloud, key)
                                    .orElseThrow(() -> fail(
                                            platform,
                                            path + ".quotas." + key,
                                            null,
                                            "is not a quota envforge counts on " + cloud.id(),
                                            "use one of "
                                                    + String.join(
                                                            ", ",
                                                            Quota.of(cloud).stream()
                                                                    .map(Quota::key)
                                                                    .toList()))),
                            ((Number) value).intValue()));
            out.add(new Account(name, cloud, id, regions, ((Number) a.get("capacity")).intValue(), quotas, path));
        }
        return new Accounts(out, single);
    }

    private static EnvforgeException fail(
            PlatformSpec platform, String path, String value, String message, String fix) {
        return new EnvforgeException(new Problem(platform.file(), path, value, message, fix));
    }
}
