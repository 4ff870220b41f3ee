package io.envforge.render.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Azure: stage 2's controllers pull their images from the environment's registry, never from a public one. Every
 * repository stage 2 names below stage 1's {@code registry_url} is the target of an artifact cache rule that stage 1
 * creates, whose upstream is the chart's own default (external-secrets values.yaml {@code image.repository},
 * cert-manager's {@code quay.io/jetstack/cert-manager-<component>}, Flux's {@code ghcr.io/fluxcd/<controller>} under
 * flux_bootstrap_git's {@code registry}).
 */
class ImageCacheTest {

    private static final Pattern CACHED = Pattern.compile("\"\\$\\{local\\.stage1\\.registry_url}/([a-z0-9._/-]+)\"");
    private static final Pattern PUBLIC = Pattern.compile("(ghcr\\.io|quay\\.io|registry\\.k8s\\.io|docker\\.io)/");

    @Test
    void azureStage2PullsEveryControllerThroughTheRegistrysCache() throws IOException {
        Map<String, String> rules = new TreeMap<>();
        JsonNode cacheRules =
                Parsed.dir(Roots.root(Roots.AZURE)).module("registry").path("cache_rules");
        cacheRules
                .fields()
                .forEachRemaining(r -> rules.put(
                        r.getValue().path("target_repo").asText(),
                        r.getValue().path("source_repo").asText()));
        assertFalse(rules.isEmpty(), "stage 1 passes cache rules to the registry module");

        Path addons = StagesTest.addons(Roots.AZURE);
        String stage2 = Files.readString(addons.resolve("main.tf"));
        Set<String> named = new TreeSet<>();
        Matcher m = CACHED.matcher(stage2);
        while (m.find()) {
            named.add(m.group(1));
        }
        assertEquals(
                Set.of(
                        "ghcr/external-secrets/external-secrets",
                        "quay/jetstack/cert-manager-controller",
                        "quay/jetstack/cert-manager-webhook",
                        "quay/jetstack/cert-manager-cainjector",
                        "quay/jetstack/cert-manager-startupapicheck",
                        "ghcr/fluxcd"),
                named);
        for (String repo : named) {
            if (repo.equals("ghcr/fluxcd")) {
                // flux_bootstrap_git's registry: the toolkit's images are <registry>/<controller>.
                for (String c : new String[] {
                    "source-controller", "kustomize-controller", "helm-controller", "notification-controller"
                }) {
                    assertEquals("ghcr.io/fluxcd/" + c, rules.get(repo + "/" + c), c);
                }
                continue;
            }
            String upstream = repo.replaceFirst("^ghcr/", "ghcr.io/").replaceFirst("^quay/", "quay.io/");
            assertEquals(upstream, rules.get(repo), repo + " is cached from its chart's default repository");
        }
        // Nothing of stage 2's pods comes from a public registry (the Helm charts themselves are fetched by the
        // pipeline's runner, not by the nodes).
        for (String line : stage2.split("\n")) {
            if (line.contains("repository =") && !line.contains("\"https://") && !line.contains("\"oci://")) {
                assertTrue(line.contains("local.stage1.registry_url"), line);
            }
            assertFalse(line.contains("registry =") && PUBLIC.matcher(line).find(), line);
        }
    }
}
