package io.envforge.pipeline;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.network.Cidr;
import io.envforge.render.Yaml;
import io.envforge.spec.EnvironmentSpec;
import io.envforge.spec.SpecReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates a new environment spec, or re-addresses an existing one when forced. Text in, text out. A block given on
 * the command line is parsed first and only its normalised form ({@link Cidr#toString()}) reaches a spec, so a
 * {@code -Dsubnet} carrying a line break or other YAML cannot change anything else in it.
 */
final class SpecFiles {

    private static final Pattern CIDR_LINE = Pattern.compile("(?m)^(\\s+cidr:\\s*)(\"?)([^\"\\s#]+)(\"?)");
    private static final String EXAMPLE = "for example 10.20.0.0/20";

    private SpecFiles() {}

    /** {@code -Dsubnet} for environment {@code name}: parsed, or a problem naming the spec it was meant for. */
    static Cidr subnet(String name, String text) {
        try {
            return Cidr.parse(text);
        } catch (IllegalArgumentException e) {
            throw new EnvforgeException(
                    new Problem(SpecReader.fileOf(name), "spec.network.cidr", text, e.getMessage(), EXAMPLE));
        }
    }

    /** A new spec, written by the YAML writer from values already checked. */
    static EnvironmentSpec create(String name, String cloud, Cidr cidr) {
        return create(name, cloud, cidr, null);
    }

    /** A new spec; with {@code place}, in that account and region (platforms that list {@code spec.accounts}). */
    static EnvironmentSpec create(String name, String cloud, Cidr cidr, Placement.Place place) {
        java.util.Map<String, Object> spec = place == null
                ? Yaml.map("cloud", cloud, "network", Yaml.map("cidr", cidr.toString()))
                : Yaml.map(
                        "cloud",
                        cloud,
                        "account",
                        place.account().name(),
                        "region",
                        place.region(),
                        "network",
                        Yaml.map("cidr", cidr.toString()));
        String text = "# Environment " + name + ". Fields not set here come from environments/platform.yaml"
                + " spec.defaults; see docs/spec.md.\n"
                + Yaml.dump(Yaml.map(
                        "apiVersion",
                        "envforge.io/v1alpha1",
                        "kind",
                        "Environment",
                        "metadata",
                        Yaml.map("name", name),
                        "spec",
                        spec));
        return SpecReader.parseEnvironment(SpecReader.fileOf(name), name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The spec with its block set to {@code subnet}; refused unless {@code force}, since it re-addresses a network. */
    static EnvironmentSpec readdress(EnvironmentSpec spec, String subnet, boolean force) {
        Cidr block;
        try {
            block = Cidr.parse(subnet);
        } catch (IllegalArgumentException e) {
            throw new EnvforgeException(new Problem(
                    "-Dsubnet",
                    "",
                    subnet,
                    e.getMessage(),
                    EXAMPLE + "; or drop -Dsubnet to keep " + spec.name() + "'s block " + spec.cidr()));
        }
        String cidr = block.toString();
        if (spec.cidr().equals(cidr)) {
            return spec;
        }
        if (!force) {
            throw new EnvforgeException(new Problem(
                    spec.file(),
                    "spec.network.cidr",
                    spec.cidr(),
                    "environment " + spec.name() + " already has this block and -Dsubnet=" + cidr + " differs;"
                            + " re-addressing a live network destroys and recreates it",
                    "drop -Dsubnet to keep the block, or add -Dforce=true if you really mean to re-address it"));
        }
        String text = new String(spec.content(), StandardCharsets.UTF_8);
        Matcher m = CIDR_LINE.matcher(text);
        if (!m.find()) {
            throw new EnvforgeException(new Problem(
                    spec.file(),
                    "spec.network.cidr",
                    spec.cidr(),
                    "cannot find the cidr line to change",
                    "edit the file by hand"));
        }
        // the user's comments and layout are kept: only the value changes, to the normalised block
        String updated = text.substring(0, m.start(3)) + cidr + text.substring(m.end(3));
        return SpecReader.parseEnvironment(spec.file(), spec.name(), updated.getBytes(StandardCharsets.UTF_8));
    }
}
