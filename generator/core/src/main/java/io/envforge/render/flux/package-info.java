/**
 * Flux delivery objects (GitRepository, ordered Kustomizations) per environment. One of the GitOps controller
 * renderers; each renders only for environments whose spec chose it. Depends on {@code model} and {@code render}.
 */
package io.envforge.render.flux;
