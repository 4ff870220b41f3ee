package io.envforge.render.terraform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every EKS add-on of the generated workspace is installed at a pinned version: without {@code addon_version} (or with
 * a variable defaulting to null) EKS installs its default for the cluster's Kubernetes version, which AWS moves, so
 * two applies of one root can install different agents.
 */
class AddonVersionsTest {

    private static final Pattern EKS_VERSION = Pattern.compile("^v[0-9]+\\.[0-9]+\\.[0-9]+-eksbuild\\.[0-9]+$");
    private static final Pattern VARIABLE = Pattern.compile("^\\$\\{var\\.([a-z_]+)(?:\\.([a-z_]+))?}$");

    @Test
    void everyAwsEksAddonHasAPinnedVersion() {
        List<String> checked = new ArrayList<>();
        for (Map.Entry<Path, JsonNode> file :
                Parsed.under(Roots.workspace().resolve("terraform")).entrySet()) {
            if (file.getKey().startsWith(Parsed.BROKEN)) {
                continue;
            }
            JsonNode addons = file.getValue().path("resource").path("aws_eks_addon");
            addons.fieldNames().forEachRemaining(name -> {
                String where = file.getKey() + ": aws_eks_addon." + name;
                JsonNode version = addons.path(name).get(0).path("addon_version");
                assertFalse(version.isMissingNode(), where + " has no addon_version");
                String pinned = resolve(Parsed.dir(file.getKey().getParent()), version.asText(), where);
                assertTrue(EKS_VERSION.matcher(pinned).matches(), where + ": \"" + pinned + "\" is not pinned");
                checked.add(name);
            });
        }
        assertTrue(
                checked.containsAll(List.of("vpc_cni", "kube_proxy", "coredns", "cloudwatch_observability")),
                "add-ons checked: " + checked);
    }

    /** A literal, or a module variable's default (a module call that sets the variable would be named here). */
    private static String resolve(Config module, String expression, String where) {
        Matcher m = VARIABLE.matcher(expression);
        if (!m.matches()) {
            return expression;
        }
        JsonNode def = module.block("variable", m.group(1)).path("default");
        if (m.group(2) != null) {
            def = def.path(m.group(2));
        }
        assertFalse(def.isMissingNode() || def.isNull(), where + ": var." + m.group(1) + " has no default version");
        return def.asText();
    }
}
