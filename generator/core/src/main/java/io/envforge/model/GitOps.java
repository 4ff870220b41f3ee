package io.envforge.model;

/**
 * How the environment is delivered: the controller, the repository it reads, and (Argo CD) whether automated sync
 * prunes objects no longer in Git and undoes changes made in the cluster.
 */
public record GitOps(String controller, String repoUrl, String branch, boolean prune, boolean selfHeal) {

    public static final String FLUX = "flux";
    public static final String ARGOCD = "argocd";

    public GitOps {
        if (!FLUX.equals(controller) && !ARGOCD.equals(controller)) {
            throw new IllegalArgumentException("gitops.controller must be flux or argocd, not " + controller);
        }
        Checks.notBlank("git.url", repoUrl);
        Checks.notBlank("git.branch", branch);
    }

    /** Pruning and self-healing on, the default. */
    public GitOps(String controller, String repoUrl, String branch) {
        this(controller, repoUrl, branch, true, true);
    }
}
