/**
 * IPv4 arithmetic and the deterministic network plan of an environment (workload, data, ingress and gateway subnets,
 * the API layer's fixed addresses), plus allocation from address pools. Pure functions; depends only on the JDK.
 */
package io.envforge.network;
