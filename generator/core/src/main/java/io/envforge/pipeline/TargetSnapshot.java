package io.envforge.pipeline;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.network.Cidr;
import io.envforge.spec.EnvironmentSpec;
import io.envforge.spec.Ledger;
import io.envforge.spec.PlatformSpec;
import io.envforge.spec.Reservation;
import io.envforge.spec.SpecReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the allocator needs, as it is in one commit of the target branch (not the work tree): the platform file, every
 * spec and the address ledger. Specs only the workspace has (a separate GitOps repository keeps the specs in the
 * workspace) are added, so their blocks are taken too.
 */
record TargetSnapshot(
        PlatformSpec platform, SortedMap<String, EnvironmentSpec> specs, SortedMap<String, Reservation> ledger) {

    private static final String SPECS = SpecReader.DIRECTORY + "/";
    private static final String LEDGER = Ledger.DIRECTORY + "/";

    /** From {@code files} (workspace-relative path → bytes, everything under {@code environments/} of a commit). */
    static TargetSnapshot of(Map<String, byte[]> files, Path workspace) {
        List<Problem> problems = new ArrayList<>();
        SortedMap<String, EnvironmentSpec> specs = new TreeMap<>();
        SortedMap<String, Reservation> ledger = new TreeMap<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String path = file.getKey();
            try {
                if (path.startsWith(LEDGER) && path.endsWith(".yaml") && path.indexOf('/', LEDGER.length()) < 0) {
                    String name = path.substring(LEDGER.length(), path.length() - ".yaml".length());
                    ledger.put(name, Ledger.parse(path, name, file.getValue()));
                } else if (isSpec(path)) {
                    String name = path.substring(SPECS.length(), path.length() - ".yaml".length());
                    EnvironmentSpec spec = SpecReader.parseEnvironment(path, name, file.getValue());
                    spec.block();
                    specs.put(name, spec);
                }
            } catch (EnvforgeException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new EnvforgeException(problems);
        }
        for (String name : SpecReader.listEnvironments(workspace)) {
            specs.computeIfAbsent(name, n -> SpecReader.readEnvironment(workspace, n));
        }
        byte[] platform = files.get(SpecReader.PLATFORM_FILE);
        return new TargetSnapshot(
                platform == null ? SpecReader.readPlatform(workspace) : SpecReader.parsePlatform(platform),
                specs,
                ledger);
    }

    private static boolean isSpec(String path) {
        return path.startsWith(SPECS)
                && path.endsWith(".yaml")
                && path.indexOf('/', SPECS.length()) < 0
                && !path.equals(SpecReader.PLATFORM_FILE);
    }

    /** Every spec's block, by environment. */
    SortedMap<String, Cidr> blocks() {
        SortedMap<String, Cidr> out = new TreeMap<>();
        specs.forEach((name, spec) -> out.put(name, spec.block()));
        return out;
    }
}
