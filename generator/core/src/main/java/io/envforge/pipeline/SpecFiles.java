package io.envforge.pipeline;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.spec.EnvironmentSpec;
import io.envforge.spec.SpecReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Creates a new environment spec, or re-addresses an existing one when forced. Text in, text out. */
final class SpecFiles {

    private static final Pattern CIDR_LINE = Pattern.compile("(?m)^(\\s+cidr:\\s*)(\"?)([^\"\\s#]+)(\"?)");

    private SpecFiles() {
    }

    static EnvironmentSpec create(String name, String cloud, String cidr) {
        String text = "# Environment " + name + ". Fields not set here come from environments/platform.yaml"
                + " spec.defaults; see docs/spec.md.\n"
                + "apiVersion: envforge.io/v1alpha1\n"
                + "kind: Environment\n"
                + "metadata:\n"
                + "  name: " + name + "\n"
                + "spec:\n"
                + "  cloud: " + cloud + "\n"
                + "  network:\n"
                + "    cidr: " + cidr + "\n";
        return SpecReader.parseEnvironment(SpecReader.fileOf(name), name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The spec with its block set to {@code cidr}; refused unless {@code force}, since it re-addresses a network. */
    static EnvironmentSpec readdress(EnvironmentSpec spec, String cidr, boolean force) {
        if (spec.cidr().equals(cidr)) {
            return spec;
        }
        try {
            io.envforge.network.Cidr.parse(cidr);
        } catch (IllegalArgumentException e) {
            throw new EnvforgeException(new Problem("-Dsubnet", "", cidr, e.getMessage(),
                    "for example 10.20.0.0/20; or drop -Dsubnet to keep " + spec.name() + "'s block " + spec.cidr()));
        }
        if (!force) {
            throw new EnvforgeException(new Problem(spec.file(), "spec.network.cidr", spec.cidr(),
                    "environment " + spec.name() + " already has this block and -Dsubnet=" + cidr + " differs;"
                            + " re-addressing a live network destroys and recreates it",
                    "drop -Dsubnet to keep the block, or add -Dforce=true if you really mean to re-address it"));
        }
        String text = new String(spec.content(), StandardCharsets.UTF_8);
        Matcher m = CIDR_LINE.matcher(text);
        if (!m.find()) {
            throw new EnvforgeException(new Problem(spec.file(), "spec.network.cidr", spec.cidr(),
                    "cannot find the cidr line to change", "edit the file by hand"));
        }
        String updated = text.substring(0, m.start(3)) + cidr + text.substring(m.end(3));
        return SpecReader.parseEnvironment(spec.file(), spec.name(), updated.getBytes(StandardCharsets.UTF_8));
    }
}
