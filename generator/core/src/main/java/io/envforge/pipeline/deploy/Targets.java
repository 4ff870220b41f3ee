package io.envforge.pipeline.deploy;

import io.envforge.error.EnvforgeException;
import io.envforge.model.Environment;
import io.envforge.model.ModelResolver;
import io.envforge.network.Cidr;
import io.envforge.pipeline.Decommissioning;
import io.envforge.spec.EnvironmentSpec;
import io.envforge.spec.PlatformSpec;
import io.envforge.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which environments a change touches, and what the pipeline needs to know of each. */
public final class Targets {

    /**
     * An environment's own paths: its spec or decommission marker, and the folders generated for it (see
     * {@code Layout.owned}). {@code clusters/argocd/} is fleet-level and names no environment.
     */
    private static final Pattern OWN = Pattern.compile("^(?:environments/([^/]+)\\.(?:yaml|decommission)"
            + "|overlays/([^/]+)/.*|clusters/([^/]+)/.*|terraform/environments/([^/]+)/.*"
            + "|ansible/inventories/([^/]+)/.*)$");

    /** Inputs of every environment's Terraform: a change here plans the whole fleet. */
    private static final List<String> FLEET = List.of("environments/platform.yaml", "terraform/modules/");

    private Targets() {}

    /**
     * The existing environments (a spec in {@code environments/}) that {@code changed} touches, sorted. An
     * environment whose spec the change deleted is gone and not touched.
     */
    public static List<String> touched(List<String> changed, List<String> existing) {
        Set<String> out = new TreeSet<>();
        for (String path : changed) {
            if (FLEET.stream().anyMatch(f -> f.endsWith("/") ? path.startsWith(f) : path.equals(f))) {
                out.addAll(existing);
                continue;
            }
            Matcher m = OWN.matcher(path);
            if (m.matches()) {
                for (int g = 1; g <= m.groupCount(); g++) {
                    if (m.group(g) != null) {
                        out.add(m.group(g));
                    }
                }
            }
        }
        out.retainAll(existing);
        return List.copyOf(out);
    }

    /** Every environment with a spec. */
    public static List<String> all(Path workspace) {
        return SpecReader.listEnvironments(workspace);
    }

    /** The environment's model, as {@code generate} resolves it (defaults of the platform file applied). */
    public static Target resolve(Path workspace, String env) {
        PlatformSpec platform = SpecReader.readPlatform(workspace);
        SortedMap<String, Cidr> blocks = new TreeMap<>();
        EnvironmentSpec own = null;
        for (String name : SpecReader.listEnvironments(workspace)) {
            EnvironmentSpec spec = SpecReader.readEnvironment(workspace, name);
            if (name.equals(env)) {
                own = spec;
            } else {
                try {
                    blocks.put(name, spec.block());
                } catch (EnvforgeException e) {
                    // another environment's broken block is reported by its own run
                }
            }
        }
        if (own == null) {
            throw new EnvforgeException(new io.envforge.error.Problem(
                    SpecReader.fileOf(env),
                    "",
                    env,
                    "no such environment",
                    "name one of: " + String.join(", ", all(workspace))));
        }
        Environment model = new ModelResolver(platform).resolve(own, blocks);
        return new Target(
                env,
                model.cloud().id(),
                model.region(),
                model.names().resourceGroup(),
                model.gitops().controller(),
                Files.exists(workspace.resolve(Decommissioning.marker(env))));
    }

    /** Resolves each name, in order. */
    public static List<Target> resolve(Path workspace, List<String> envs) {
        List<Target> out = new ArrayList<>();
        envs.forEach(e -> out.add(resolve(workspace, e)));
        return out;
    }
}
