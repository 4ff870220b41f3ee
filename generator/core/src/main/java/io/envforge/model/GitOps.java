package io.envforge.model;

/** How the environment is delivered: the controller and the repository it reads. */
public record GitOps(String controller, String repoUrl, String branch) {

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
