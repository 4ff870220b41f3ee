/**
 * Helm: the per-environment values of each chart (the contract in {@code docs/values-contract.md}) and chart
 * rendering by Helm itself through helm-java. Depends on {@code model} and {@code render}.
 */
package io.envforge.render.helm;
