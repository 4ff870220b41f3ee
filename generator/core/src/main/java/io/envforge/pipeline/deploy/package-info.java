/**
 * The deployment pipeline behind the one-click button: {@link io.envforge.pipeline.deploy.DeployPipeline} plans the
 * environments a change touches (the pull request's comment), applies them stage by stage on merge and waits for the
 * GitOps controller and the API addresses, checks drift, and decommissions marked environments. Terraform, kubectl and
 * the cloud CLIs run only through {@link io.envforge.pipeline.deploy.ToolRunner}. Depends on the pipeline package
 * (removal), git (changed paths, HEAD), spec, model and render (names of generated objects).
 */
package io.envforge.pipeline.deploy;
