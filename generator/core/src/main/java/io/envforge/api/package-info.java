/**
 * What the front-ends (the Maven plugin, the CLI) see of the core: the requests ({@link GenerateRequest} with its
 * {@link Shard}, {@link RemoveRequest}, {@link Publish}), the results ({@link GenerateResult}, {@link RemoveResult},
 * {@link PublishResult}), the run options and progress ({@link RunOptions}, {@link ProgressListener},
 * {@link LineProgress}, {@link ProgressLines}) and how a failure is told ({@link Failure}). Besides this package a front-end calls only the
 * pipeline's entry points {@code pipeline.Envforge}, {@code pipeline.PublishingRun} and the pools facade
 * {@code pipeline.Pools} (ArchitectureTest keeps it so).
 * Depends on {@code error}, {@code emit} (write results), {@code summary}, {@code validate} (the report) and
 * {@code network}; never on {@code pipeline}.
 */
package io.envforge.api;
