package io.envforge.pipeline.deploy;

import io.envforge.render.Layout;
import io.envforge.render.Yaml;
import io.envforge.render.argocd.ArgoCdFleetRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * After stage 2: a kubeconfig for the new cluster from the cloud's CLI, then {@code kubectl wait} until the GitOps
 * controller reports the environment Ready. Flux: every Kustomization of {@code clusters/<env>/envforge/sync.yaml}
 * (read from the file, not assumed) with condition {@code Ready} (Flux's kstatus-compatible condition, fluxcd/pkg
 * {@code apis/meta} {@code ReadyCondition}). Argo CD: the environment's Application on the central Argo CD (the
 * ApplicationSet names it after the environment, namespace {@code argocd}) with {@code .status.sync.status} Synced and
 * {@code .status.health.status} Healthy (argo-cd {@code pkg/apis/application/v1alpha1/types.go}), through the
 * kubeconfig in {@code ENVFORGE_ARGOCD_KUBECONFIG}.
 */
final class ControllerReady {

    /** The variable naming the central Argo CD's kubeconfig file (a CI secret file). */
    static final String ARGOCD_KUBECONFIG = "ENVFORGE_ARGOCD_KUBECONFIG";

    private final ToolRunner runner;
    private final Path workspace;
    private final Path workDir;
    private final Map<String, String> environment;

    ControllerReady(ToolRunner runner, Path workspace, Path workDir, Map<String, String> environment) {
        this.runner = runner;
        this.workspace = workspace;
        this.workDir = workDir;
        this.environment = environment;
    }

    /**
     * Writes the cluster's kubeconfig into the work folder: {@code aws eks update-kubeconfig --name --region
     * --kubeconfig} (AWS CLI), or {@code az aks get-credentials --resource-group --name --file} and {@code kubelogin
     * convert-kubeconfig -l azurecli --kubeconfig} (kubelogin docs: the exec plugin reads the Azure CLI's login).
     */
    Path kubeconfig(Target target, String clusterName, Path log) {
        Path file = workDir.resolve(target.name()).resolve("kubeconfig").toAbsolutePath();
        if (target.cloud().equals("aws")) {
            tool(
                    target,
                    "kubeconfig",
                    log,
                    "aws",
                    "eks",
                    "update-kubeconfig",
                    "--name",
                    clusterName,
                    "--region",
                    target.region(),
                    "--kubeconfig",
                    file.toString());
        } else {
            tool(
                    target,
                    "kubeconfig",
                    log,
                    "az",
                    "aks",
                    "get-credentials",
                    "--resource-group",
                    target.resourceGroup(),
                    "--name",
                    clusterName,
                    "--file",
                    file.toString(),
                    "--overwrite-existing");
            tool(
                    target,
                    "kubeconfig",
                    log,
                    "kubelogin",
                    "convert-kubeconfig",
                    "-l",
                    "azurecli",
                    "--kubeconfig",
                    file.toString());
        }
        return file;
    }

    /** Waits until the controller's objects for the environment are Ready; returns what was waited for. */
    String await(Target target, Path kubeconfig, Duration timeout, Path log) {
        if (target.controller().equals("argocd")) {
            String central = environment.get(ARGOCD_KUBECONFIG);
            if (central == null || central.isBlank()) {
                throw new StepFailedException(
                        target.name(),
                        "ready",
                        ARGOCD_KUBECONFIG + " is not set: the"
                                + " kubeconfig of the central Argo CD (a CI secret file) is needed to read the Application",
                        log);
            }
            String app = "application/" + target.name();
            waitFor(
                    target,
                    central,
                    ArgoCdFleetRenderer.NAMESPACE,
                    List.of(app),
                    "jsonpath={.status.sync.status}=Synced",
                    timeout,
                    log);
            waitFor(
                    target,
                    central,
                    ArgoCdFleetRenderer.NAMESPACE,
                    List.of(app),
                    "jsonpath={.status.health.status}=Healthy",
                    timeout,
                    log);
            return "Argo CD " + app + " Synced and Healthy";
        }
        List<String> kustomizations = new ArrayList<>();
        String namespace = "flux-system";
        for (Map<String, Object> doc : syncDocuments(target, log)) {
            if ("Kustomization".equals(doc.get("kind")) && doc.get("metadata") instanceof Map<?, ?> meta) {
                kustomizations.add("kustomization/" + meta.get("name"));
                namespace = String.valueOf(meta.get("namespace"));
            }
        }
        if (kustomizations.isEmpty()) {
            throw new StepFailedException(
                    target.name(), "ready", "no Kustomization in " + Layout.cluster(target.name()) + "sync.yaml", log);
        }
        waitFor(target, kubeconfig.toString(), namespace, kustomizations, "condition=Ready", timeout, log);
        return "Flux " + String.join(", ", kustomizations) + " Ready";
    }

    private List<Map<String, Object>> syncDocuments(Target target, Path log) {
        try {
            return Yaml.loadAll(Files.readString(workspace.resolve(Layout.cluster(target.name()) + "sync.yaml")));
        } catch (IOException e) {
            throw new StepFailedException(
                    target.name(), "ready", "cannot read the Flux objects: " + e.getMessage(), log);
        }
    }

    /**
     * {@code kubectl wait}, again while the objects do not exist yet (the controller creates them after the bootstrap;
     * kubectl wait fails at once on a missing object), until the deadline.
     */
    private void waitFor(
            Target target,
            String kubeconfig,
            String namespace,
            List<String> objects,
            String condition,
            Duration timeout,
            Path log) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000_000L);
            List<String> args = new ArrayList<>(List.of("--kubeconfig", kubeconfig, "--namespace", namespace, "wait"));
            args.addAll(objects);
            args.addAll(List.of("--for=" + condition, "--timeout=" + left + "s"));
            ToolRunner.Result r = runner.run("kubectl", args, workspace, Map.of(), log, true);
            if (r.ok()) {
                return;
            }
            if (System.nanoTime() >= deadline) {
                throw new StepFailedException(
                        target.name(),
                        "ready",
                        "not " + condition + " within " + timeout.toSeconds() + " s: " + String.join(" ", objects),
                        log);
            }
            try {
                Thread.sleep(Math.min(5_000, Math.max(100, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StepFailedException(target.name(), "ready", "interrupted", log);
            }
        }
    }

    private void tool(Target target, String step, Path log, String tool, String... args) {
        ToolRunner.Result r = runner.run(tool, List.of(args), workspace, Map.of(), log, false);
        if (!r.ok()) {
            throw new StepFailedException(
                    target.name(), step, tool + " " + args[0] + " " + args[1] + " exited " + r.exit(), log);
        }
    }
}
