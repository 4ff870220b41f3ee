/**
 * Human-readable documents of an environment (network plan, addresses, DNS names), rendered from Jinjava templates.
 * Depends on {@code model} and {@code render}.
 */
package io.envforge.render.docs;
