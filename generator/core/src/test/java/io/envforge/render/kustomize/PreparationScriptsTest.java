package io.envforge.render.kustomize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.api.GenerateResult;
import io.envforge.pipeline.Scratch;
import io.envforge.render.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preparation Job finds every SQL script the playbook loads, and finds it in the image the owning layer runs.
 * Followed as the kubelet and Ansible follow it: each database's {@code schema_script} in the inventory the Job mounts
 * names a variable; {@code ansible/in-cluster-vars.yml} reads that variable from an environment variable of the ansible
 * container; the resulting path must lie below one of its volume mounts, an emptyDir that an init container fills by
 * copying a folder of its image; that image is the one the owning layer's workload runs, and the folder lies in the
 * product home that workload starts the product from.
 */
class PreparationScriptsTest {

    private static final String API_DIGEST = "sha256:" + "a1".repeat(32);
    private static final String MI_DIGEST = "sha256:" + "b2".repeat(32);
    private static final Pattern ENV_LOOKUP = Pattern.compile(
            "^(\\w+): \"\\{\\{ lookup\\('ansible\\.builtin\\.env', '(\\w+)'\\) }}\"$", Pattern.MULTILINE);
    private static final Pattern SCRIPT = Pattern.compile("^\\{\\{ (\\w+) }}/(.+)$");

    @Test
    void everySchemaScriptComesFromTheImageItsLayerRuns(@TempDir Path dir) throws Exception {
        Scratch ws = Scratch.in(dir)
                .spec(
                        "a",
                        "azure",
                        "10.20.0.0/20",
                        "  layers:\n    api:\n      image:\n        digest: " + API_DIGEST
                                + "\n    integration:\n      image:\n        digest: " + MI_DIGEST
                                + "\n  preparation:\n    image: \"@sha256:" + "c3".repeat(32) + "\"\n");
        GenerateResult result = ws.generate(false, "a");
        assertFalse(result.report().hasErrors(), result.report().render());

        Map<String, String> envOf = new HashMap<>();
        Matcher lookup = ENV_LOOKUP.matcher(Files.readString(Scratch.REPO.resolve("ansible/in-cluster-vars.yml")));
        while (lookup.find()) {
            envOf.put(lookup.group(1), lookup.group(2));
        }
        Map<String, Object> pod = at(one(ws, "overlays/a/prepare/job.yaml", "Job"), "spec.template.spec");
        Map<String, Object> ansible = list(pod, "containers").get(0);
        Map<String, Object> vars = Yaml.loadAll(
                        (String) at(one(ws, "overlays/a/prepare/inventory.yaml", "ConfigMap"), "data.all.yml"))
                .get(0);
        Map<String, String> layerOfUser = new HashMap<>();
        for (Map<String, Object> user : list(vars, "database_users")) {
            layerOfUser.put((String) user.get("name"), (String) user.get("layer"));
        }

        List<String> checked = new ArrayList<>();
        for (Map<String, Object> db : list(vars, "database_databases")) {
            Matcher script = SCRIPT.matcher((String) db.get("schema_script"));
            assertTrue(script.matches(), "schema_script " + db.get("schema_script"));
            String envVar = envOf.get(script.group(1));
            assertTrue(envVar != null, "in-cluster-vars.yml reads no environment variable for " + script.group(1));
            String path = envValue(ansible, envVar) + "/" + script.group(2);

            Map<String, Object> mount = list(ansible, "volumeMounts").stream()
                    .filter(m -> path.startsWith(m.get("mountPath") + "/"))
                    .max(Comparator.comparingInt(m -> ((String) m.get("mountPath")).length()))
                    .orElseThrow(
                            () -> new AssertionError(path + " lies below no volume mount of the ansible container"));
            String volume = (String) mount.get("name");
            Map<String, Object> vol = list(pod, "volumes").stream()
                    .filter(v -> volume.equals(v.get("name")))
                    .findFirst()
                    .orElseThrow();
            assertTrue(vol.containsKey("emptyDir"), path + ": volume " + volume + " is not an emptyDir: " + vol);
            Map<String, Object> init = list(pod, "initContainers").stream()
                    .filter(c -> list(c, "volumeMounts").stream().anyMatch(m -> volume.equals(m.get("name"))))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(path + ": no init container fills volume " + volume));
            String target = (String) list(init, "volumeMounts").stream()
                    .filter(m -> volume.equals(m.get("name")))
                    .findFirst()
                    .orElseThrow()
                    .get("mountPath");
            @SuppressWarnings("unchecked")
            List<String> command = (List<String>) init.get("command");
            assertEquals("cp", command.get(0), init.get("name") + ": " + command);
            assertTrue(List.of(target, target + "/").contains(command.get(command.size() - 1)), command.toString());
            String source = command.get(command.size() - 2).replaceFirst("/\\.?$", "");
            String inImage = source + path.substring(((String) mount.get("mountPath")).length());

            String layer = layerOfUser.get((String) db.get("owner"));
            Map<String, Object> workload = at(workload(ws, layer), "spec.template.spec");
            Map<String, Object> product = list(workload, "containers").get(0);
            assertEquals(product.get("image"), init.get("image"), db.get("name") + ": the image " + layer + " runs");
            assertTrue(
                    ((String) init.get("image")).endsWith("@" + (layer.equals("api-gateway") ? API_DIGEST : MI_DIGEST)),
                    "pinned by the layer's digest: " + init.get("image"));
            @SuppressWarnings("unchecked")
            List<String> productCommand = (List<String>) product.get("command");
            // the product's start script, last (the api-gateway chart runs it through its start.sh)
            String start = productCommand.get(productCommand.size() - 1);
            String home = start.substring(0, start.lastIndexOf("/bin/"));
            assertTrue(inImage.startsWith(home + "/"), inImage + " is not in " + layer + "'s product home " + home);
            assertEquals(
                    (Object) at(product, "securityContext.runAsUser"),
                    (Object) at(init, "securityContext.runAsUser"),
                    init.get("name") + " runs as the product's account");
            assertEquals(Boolean.TRUE, (Object) at(init, "securityContext.runAsNonRoot"));
            checked.add(db.get("name") + " <- " + init.get("image") + ":" + inImage);
        }
        assertEquals(3, checked.size(), checked.toString());
    }

    private static String envValue(Map<String, Object> container, String name) {
        return (String) list(container, "env").stream()
                .filter(e -> name.equals(e.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the ansible container does not set " + name))
                .get("value");
    }

    private static Map<String, Object> workload(Scratch ws, String layer) {
        return Yaml.loadAll(ws.read("overlays/a/layers/" + layer + ".yaml")).stream()
                .filter(o -> List.of("StatefulSet", "Deployment").contains(o.get("kind")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no workload in layers/" + layer + ".yaml"));
    }

    private static Map<String, Object> one(Scratch ws, String file, String kind) {
        return Yaml.loadAll(ws.read(file)).stream()
                .filter(o -> kind.equals(o.get("kind")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + file));
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Map<String, Object> map, String path) {
        Object node = map;
        for (String key : path.split("\\.(?!yml$)")) {
            node = ((Map<String, Object>) node).get(key);
        }
        return (T) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
