package io.envforge.render.flux;

import static io.envforge.render.Yaml.map;

import io.envforge.model.Environment;
import io.envforge.render.Layout;
import java.util.List;
import java.util.Map;

/**
 * {@code clusters/<env>/flux-system/kustomization.yaml}: the kustomization of the Flux components that
 * {@code flux bootstrap} writes, with the patch that turns on kustomize-controller's {@code ExternalArtifact} feature
 * gate (off by default: kustomize-controller {@code internal/features/features.go}; flag
 * {@code --feature-gates=ExternalArtifact=true}, {@code docs/spec/v1/kustomizations.md} "Source reference"). Without it
 * the Kustomizations cannot read the ExternalArtifact this renderer's ArtifactGenerator produces.
 *
 * <p>Bootstrap keeps an existing kustomization.yaml in that folder and applies the components through it, patches
 * included (flux2 {@code pkg/manifestgen/kustomization/kustomization.go} generates one only when absent;
 * {@code pkg/bootstrap/bootstrap_plain_git.go} applies it when present); afterwards the cluster's flux-system
 * Kustomization keeps applying it. The file must be in the repository before {@code flux bootstrap} runs. The
 * source-watcher component itself cannot be added by a patch: bootstrap installs it with
 * {@code --components-extra=source-watcher} (the header says so).
 */
final class FluxBootstrap {

    static final String FEATURE_GATE = "--feature-gates=ExternalArtifact=true";

    private FluxBootstrap() {}

    static String path(String env) {
        return Layout.fluxBootstrap(env);
    }

    static String header(Environment env) {
        return Layout.header(env.name(), Layout.spec(env.name()))
                + "# Commit this before bootstrapping; flux bootstrap keeps it and applies its patches. Bootstrap with:\n"
                + "#   flux bootstrap git --url=" + env.gitops().repoUrl() + " --branch="
                + env.gitops().branch()
                + " --path=clusters/" + env.name() + " --components-extra=source-watcher\n";
    }

    static Map<String, Object> kustomization() {
        String patch = "- op: add\n  path: /spec/template/spec/containers/0/args/-\n  value: " + FEATURE_GATE + "\n";
        return map(
                "apiVersion",
                "kustomize.config.k8s.io/v1beta1",
                "kind",
                "Kustomization",
                "resources",
                Layout.FLUX_BOOTSTRAP_FILES,
                "patches",
                List.of(map("target", map("kind", "Deployment", "name", "kustomize-controller"), "patch", patch)));
    }
}
