/**
 * The pipeline: the request and result types front-ends use, and {@link io.envforge.pipeline.Envforge}, the one class
 * that fixes the order of steps (load, resolve, render, validate, write, commit). Depends on every core package;
 * nothing in core depends on it.
 */
package io.envforge.pipeline;
