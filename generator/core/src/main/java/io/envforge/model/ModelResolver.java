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
    private final Tree platformTree;
    private final List<Cidr> onPremCidrs;
    private final List<Cidr> reserved;

    public ModelResolver(PlatformSpec platform) {
        this.platform = platform;
        this.platformTree = new Tree(platform.spec());
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
                throw new EnvforgeException(new Problem(platform.file(), path + "[" + i + "]", text, e.getMessage(),
                        "for example 10.0.0.0/16"));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Resolves {@code spec}. {@code others} maps every other environment's name to its block, for overlap checks.
     */
    public Environment resolve(EnvironmentSpec spec, SortedMap<String, Cidr> others) {
        Cidr cidr = AddressCheck.check(spec.file(), "spec.network.cidr", spec.cidr(), onPremCidrs, reserved,
                others, spec.name());
        NetworkPlan plan = NetworkPlanner.plan(cidr);
        Tree defaults = new Tree(platform.spec());
        @SuppressWarnings("unchecked")
        Map<String, Object> defaultSpec = (Map<String, Object>) defaults.get("defaults");
        Tree eff = new Tree(Tree.merge(defaultSpec, spec.spec()));
        Cloud cloud = Cloud.of(eff.string("cloud"));
        String region = spec.spec().containsKey("region") ? eff.string("region") : eff.string("region." + cloud.id());
        new ValueCheck(spec, platform.file(), eff).check(cloud, region);
        return new EnvironmentFactory(platformTree, platform.document(), spec.name(), cloud, region, plan, eff)
                .build(new OnPrem(onPremCidrs, platformTree.string("onPrem.gatewayIp"),
                        ((Number) platformTree.get("onPrem.bgpAsn")).longValue()));
    }
}
