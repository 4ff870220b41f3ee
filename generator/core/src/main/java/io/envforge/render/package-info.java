/**
 * Rendering: the {@link io.envforge.render.Renderer} step contract, the in-memory
 * {@link io.envforge.render.OutputTree}, the generated layout and deterministic YAML. Sub-packages hold one renderer
 * family each (helm, kustomize, flux, argocd, terraform, docs); a {@link io.envforge.render.FleetRenderer} runs once
 * per run over every environment (the Argo CD ApplicationSet). Renderers depend on {@code model}, never on {@code emit},
 * {@code git} or front-ends.
 */
package io.envforge.render;
