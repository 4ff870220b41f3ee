/**
 * What the on-prem side needs of an environment, as files under {@code terraform/environments/<env>/onprem/} that the
 * pipeline hands to on-prem systems without a ticket: the RFC 2136 update of the API names for the on-prem DNS
 * ({@code dns.nsupdate}). Secrets appear only as references (an environment variable of the CI secret store). May
 * depend on {@code model}, {@code network} and {@code render}; never on other renderers.
 */
package io.envforge.render.onprem;
