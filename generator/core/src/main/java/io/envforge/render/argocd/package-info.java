/**
 * Argo CD delivery: per environment a parameter file {@code clusters/<env>/envforge/argocd.json}
 * ({@link io.envforge.render.argocd.ArgoCdRenderer}); for the fleet one AppProject and one ApplicationSet whose Git
 * files generator turns those files into one Application per environment
 * ({@link io.envforge.render.argocd.ArgoCdFleetRenderer}). Depends on {@code model} and {@code render} only.
 */
package io.envforge.render.argocd;
