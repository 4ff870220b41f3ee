/**
 * Local, uncommitted caches of pure results kept under the Git folder ({@code .git/envforge/cache/}): Helm's output
 * per chart, release, namespace, values and Helm version, and schema-validation findings per file text and schema
 * set. Entries are written to a temporary file and renamed into place, carry the SHA-256 of their content (checked on
 * every read, so a truncated or damaged entry is a miss, never a result), and are evicted oldest-used first when the
 * folder outgrows its bound. Several runs may share a folder at once. Depends on nothing else of envforge; renderers,
 * the validator and the pipeline use it.
 */
package io.envforge.cache;
