/**
 * Product images that can start: the pinned base image of each layer plus one layer holding the JDBC driver its
 * configuration names (API Manager: and one with the Prometheus JMX exporter agent, {@code MetricsAgent}), built
 * and pushed without a Docker engine (jib-core), and the digest the registry gives back.
 * Depends on {@code model} only; the pipeline calls it for the {@code images} goal and records the digests in the
 * environment's spec.
 */
package io.envforge.image;
