/**
 * Reading the user's input: the platform file, environment specs and the address ledger
 * ({@code environments/.reservations/}, {@link io.envforge.spec.Ledger}) under {@code environments/}, parsed as YAML 1.2
 * with limits and validated against bundled JSON Schemas that reject unknown keys. Depends on {@code error} and {@code network} (to parse a spec's block) only.
 */
package io.envforge.spec;
