/**
 * The resolved, immutable model of an environment that every renderer reads ({@link io.envforge.model.Environment}),
 * and {@link io.envforge.model.ModelResolver}, which builds it from the platform file, the spec and the network plan;
 * the platform's cloud accounts and subscriptions ({@link io.envforge.model.Accounts}) and the cloud quotas each
 * environment uses up ({@link io.envforge.model.Quota}).
 * Depends on {@code spec}, {@code network} and {@code error}; never on renderers or front-ends.
 */
package io.envforge.model;
