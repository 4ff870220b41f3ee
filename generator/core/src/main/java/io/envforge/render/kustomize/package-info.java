/**
 * The Kustomize overlay of an environment: platform objects (namespace, NFS PV/PVC, secret store, ExternalSecrets)
 * and the rendered charts, buildable with the stock {@code kubectl kustomize}. Depends on {@code model},
 * {@code render} and {@code render.helm} (for the rendered charts' paths).
 */
package io.envforge.render.kustomize;
