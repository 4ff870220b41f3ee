package io.envforge.model;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.network.Cidr;
import io.envforge.network.NetworkPlan;
import io.envforge.network.NetworkPlanner;
import io.envforge.spec.EnvironmentSpec;
import io.envforge.spec.PlatformSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Builds an {@link Environment} from the platform file and one spec: applies defaults, checks the address block
 * against on-prem networks, reserved blocks and the other environments, carves the network plan and derives names.
 * A pure function of its arguments.
 */
public final class ModelResolver {

    private final PlatformSpec platform;
    private final SpecValues platformTree;
    private final List<Cidr> onPremCidrs;
    private final List<Cidr> reserved;

    public ModelResolver(PlatformSpec platform) {
        this.platform = platform;
        this.platformTree = new SpecValues(platform.spec());
        this.onPremCidrs = cidrs("spec.onPrem.cidrs");
        this.reserved = cidrs("spec.reserved");
    }

    /** On-prem networks no environment may overlap. */
    public List<Cidr> onPremCidrs() {
        return onPremCidrs;
    }

    /** Blocks reserved in the platform file. */
    public List<Cidr> reserved() {
        return reserved;
    }

    private List<Cidr> cidrs(String path) {
        List<Cidr> out = new ArrayList<>();
        List<Object> raw = platformTree.list(path.substring("spec.".length()));
        for (int i = 0; i < raw.size(); i++) {
            String text = String.valueOf(raw.get(i));
            try {
                out.add(Cidr.parse(text));
            } catch (IllegalArgumentException e) {
                throw new EnvforgeException(new Problem(
                        platform.file(), path + "[" + i + "]", text, e.getMessage(), "for example 10.0.0.0/16"));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Resolves {@code spec}. {@code others} maps every other environment's name to its block, for overlap checks.
     */
    public Environment resolve(EnvironmentSpec spec, SortedMap<String, Cidr> others) {
        Cidr cidr = AddressCheck.check(
                spec.file(), "spec.network.cidr", spec.cidr(), onPremCidrs, reserved, others, spec.name());
        NetworkPlan plan = NetworkPlanner.plan(cidr);
        SpecValues defaults = new SpecValues(platform.spec());
        @SuppressWarnings("unchecked")
        Map<String, Object> defaultSpec = (Map<String, Object>) defaults.get("defaults");
        SpecValues eff = new SpecValues(ownDigestsOnly(SpecValues.merge(defaultSpec, spec.spec()), spec.spec()));
        Cloud cloud = Cloud.of(eff.string("cloud"));
        Object adminRotation = eff.get("secrets.rotation.databaseAdmin");
        if (cloud == Cloud.AWS && adminRotation != null) {
            throw new EnvforgeException(new Problem(
                    spec.file(),
                    "spec.secrets.rotation.databaseAdmin",
                    String.valueOf(adminRotation),
                    "on AWS the admin password is RDS's managed master password, which RDS rotates itself",
                    "remove it; to rotate now run aws secretsmanager rotate-secret --secret-id <password_secret_arn of "
                            + "the admin secret>"));
        }
        String region = spec.spec().containsKey("region") ? eff.string("region") : eff.string("region." + cloud.id());
        ValueCheck values = new ValueCheck(spec, platform.file(), eff);
        values.check(cloud, region);
        values.preparation(cloud, platformTree.get("aws.accountId") != null);
        Account account = account(spec, cloud, region);
        return new EnvironmentFactory(platformTree, platform.document(), spec.name(), cloud, region, plan, eff, account)
                .build(
                        new OnPrem(
                                onPremCidrs,
                                platformTree.string("onPrem.gatewayIp"),
                                ((Number) platformTree.get("onPrem.bgpAsn")).longValue(),
                                OnPremDns.of(platformTree, platform.file())),
                        backends(spec, eff, cidr));
    }

    /**
     * Drops from {@code merged} the {@code layers.<layer>.image.digest} inherited from the platform's defaults where
     * the environment sets its own {@code image.repository} or {@code image.tag}: a digest names the image of the
     * repository and tag it was pinned for ({@code envforge images pin} writes it beside the defaults' tag), so under
     * another tag it would run the wrong image. A digest the environment sets itself stays.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> ownDigestsOnly(Map<String, Object> merged, Map<String, Object> envSpec) {
        if (!(envSpec.get("layers") instanceof Map<?, ?> envLayers)
                || !(merged.get("layers") instanceof Map<?, ?> mergedLayers)) {
            return merged;
        }
        envLayers.forEach((layer, envLayer) -> {
            if (envLayer instanceof Map<?, ?> envLayerMap
                    && envLayerMap.get("image") instanceof Map<?, ?> envImage
                    && !envImage.containsKey("digest")
                    && (envImage.containsKey("repository") || envImage.containsKey("tag"))
                    && mergedLayers.get(layer) instanceof Map<?, ?> mergedLayer
                    && mergedLayer.get("image") instanceof Map<?, ?> mergedImage
                    && mergedImage.containsKey("digest")) {
                // SpecValues.merge copied this map (the environment overrides a key of it), so the defaults stay.
                ((Map<String, Object>) mergedImage).remove("digest");
            }
        });
        return merged;
    }

    /** The account the spec names ({@code spec.account}), of its cloud and holding its region; else the single one. */
    private Account account(EnvironmentSpec spec, Cloud cloud, String region) {
        String name = (String) spec.spec().get("account");
        Accounts accounts = Accounts.of(platform);
        Account account = accounts.find(cloud, name)
                .orElseThrow(() -> new EnvforgeException(new Problem(
                        spec.file(),
                        "spec.account",
                        name,
                        "names no account in spec.accounts of " + platform.file(),
                        "use one of: "
                                + String.join(
                                        ", ",
                                        accounts.of(cloud).stream()
                                                .map(Account::name)
                                                .toList()))));
        if (account.cloud() != cloud) {
            throw new EnvforgeException(new Problem(
                    spec.file(),
                    "spec.account",
                    name,
                    "is an account on "
                            + account.cloud().id() + " (" + platform.file() + " " + account.path()
                            + ") and the environment"
                            + " is on " + cloud.id(),
                    "use one of: "
                            + String.join(
                                    ", ",
                                    accounts.of(cloud).stream()
                                            .map(Account::name)
                                            .toList())));
        }
        if (name != null && !account.regions().contains(region)) {
            throw new EnvforgeException(new Problem(
                    spec.file(),
                    "spec.region",
                    region,
                    "is not a region of" + " account " + name + " (" + String.join(", ", account.regions()) + ")",
                    "use one of them, or" + " add " + region + " to " + account.path() + ".regions in "
                            + platform.file()));
        }
        return account;
    }

    /**
     * {@code layers.integration.backends}: each CIDR well formed (the schema checks the shape and the ports) and
     * outside the environment's own block, whose subnets the layers' policies already cover one by one.
     */
    @SuppressWarnings("unchecked")
    private static List<Backend> backends(EnvironmentSpec spec, SpecValues eff, Cidr own) {
        String path = "spec.layers.integration.backends";
        List<Object> raw = eff.list("layers.integration.backends");
        List<Backend> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Map<String, Object> entry = (Map<String, Object>) raw.get(i);
            String text = String.valueOf(entry.get("cidr"));
            String where = path + "[" + i + "].cidr";
            Cidr backend;
            try {
                backend = Cidr.parse(text);
            } catch (IllegalArgumentException e) {
                throw new EnvforgeException(new Problem(
                        spec.file(),
                        where,
                        text,
                        e.getMessage(),
                        "give the backend's network, for example 192.168.40.0/24"));
            }
            if (backend.overlaps(own)) {
                throw new EnvforgeException(new Problem(
                        spec.file(),
                        where,
                        text,
                        "overlaps this environment's own block " + own,
                        "name a network outside it (the database and NFS subnets are already allowed)"));
            }
            List<Integer> ports = ((List<Object>) entry.getOrDefault("ports", List.of()))
                    .stream().map(p -> ((Number) p).intValue()).toList();
            out.add(new Backend(backend, ports));
        }
        return out;
    }
}
