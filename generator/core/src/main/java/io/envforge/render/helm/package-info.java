/**
 * Helm: the per-environment values of each chart (the contract in {@code docs/values-contract.md}) and chart
 * rendering by Helm itself: envforge's own library of Helm's engine when it is built ({@code tools/helm-engine},
 * {@link io.envforge.render.helm.NativeHelmEngine}), else helm-java; both print the same text. Depends on {@code model}
 * and {@code render}.
 */
package io.envforge.render.helm;
