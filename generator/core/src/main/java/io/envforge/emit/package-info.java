/**
 * The writer: the only place that puts generated files on disk (atomic replace, stale removal). Depends on
 * {@code render} (the output tree) and {@code error}.
 */
package io.envforge.emit;
