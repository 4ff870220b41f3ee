package io.envforge.model;

/**
 * How the environment is delivered: the controller, the repository it reads, (Argo CD) whether automated sync
 * prunes objects no longer in Git and undoes changes made in the cluster, and (Flux) whether the overlay reaches the
 * cluster through a source-watcher ArtifactGenerator, whose artifact changes only when the overlay does.
 */
public record GitOps(
        String controller, String repoUrl, String branch, boolean prune, boolean selfHeal, boolean fluxArtifacts) {

    public static final String FLUX = "flux";
    public static final String ARGOCD = "argocd";

    public GitOps {
        if (!FLUX.equals(controller) && !ARGOCD.equals(controller)) {
            throw new IllegalArgumentException("gitops.controller must be flux or argocd, not " + controller);
        }
        Checks.notBlank("git.url", repoUrl);
        Checks.notBlank("git.branch", branch);
    }
}
