/**
 * The pipeline: the request and result types front-ends use, and {@link io.envforge.pipeline.Envforge}, the one class
 * that fixes the order of steps (load, resolve, render, validate, write, commit), and
 * {@link io.envforge.pipeline.PublishingRun}, which wraps it to push the commit and to generate again on top of a remote
 * that moved meanwhile. Fleet runs: pool allocation for new environments ({@code Allocation}), their reservation on the
 * target branch before a pull request ({@code Reservations}, the address ledger), their placement in accounts and
 * regions ({@code Placement}) and quota warnings ({@code Capacity}), {@link io.envforge.pipeline.Verify} (the
 * pull-request check), input fingerprints that
 * skip unchanged environments ({@code Fingerprint}), and {@link io.envforge.api.ProgressListener} events for the
 * front-ends to print. Depends on every core package; nothing in core depends on it.
 */
package io.envforge.pipeline;
