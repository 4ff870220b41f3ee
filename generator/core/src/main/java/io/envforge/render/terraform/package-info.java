/**
 * Terraform roots: {@code terraform/environments/<env>/} (stage 1: the cloud and the cluster) and its
 * {@code cluster-addons/} (stage 2: what runs in the cluster, reading stage 1's state) for each environment, from
 * Jinjava templates under {@code io/envforge/templates/terraform/<cloud>/}. A root configures the state backend and the providers and calls
 * the hand-written modules of {@code terraform/modules/<cloud>/} with the environment's values, all taken from the
 * model so that the manifests and the cloud agree on every name (DNS names, secret names, subnet names). May depend
 * on {@code model}, {@code network}, {@code error} and {@code render}; never on other renderers.
 */
package io.envforge.render.terraform;
