package io.envforge.model;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;

/**
 * The on-prem DNS server that takes RFC 2136 dynamic updates for the API names ({@code spec.onPrem.dns} of the
 * platform file). The TSIG key's secret is never here: the pipeline reads it from the CI secret store, under the
 * environment variable {@link #secretVariable}.
 *
 * @param server the primary server's IPv4 address (where {@code nsupdate} sends the update)
 * @param port its port, 53 unless set
 * @param zone the zone the API names live in: {@code apiDomain} or a parent of it
 * @param ttl the records' TTL in seconds
 * @param keyName the TSIG key's name, as the server's {@code update-policy} grants it
 * @param keyAlgorithm the TSIG algorithm, {@code hmac-sha256} unless set
 * @param secretVariable the environment variable the pipeline puts the key's base64 secret in
 */
public record OnPremDns(
        String server, int port, String zone, int ttl, String keyName, String keyAlgorithm, String secretVariable) {

    static final String DEFAULT_SECRET_VARIABLE = "ENVFORGE_DNS_TSIG_SECRET";

    public OnPremDns {
        Checks.notBlank("onPrem.dns.server", server);
        Checks.notBlank("onPrem.dns.zone", zone);
        Checks.notBlank("onPrem.dns.tsigKey.name", keyName);
    }

    /** The platform's {@code spec.onPrem.dns}, defaults applied; null when the platform sets none. */
    static OnPremDns of(SpecValues platform, String platformFile) {
        if (platform.get("onPrem.dns") == null) {
            return null;
        }
        String zone = stripDot(platform.string("onPrem.dns.zone"));
        String apiDomain = stripDot(platform.string("apiDomain"));
        if (!apiDomain.equals(zone) && !apiDomain.endsWith("." + zone)) {
            throw new EnvforgeException(new Problem(
                    platformFile,
                    "spec.onPrem.dns.zone",
                    zone,
                    "the API names api.<env>." + apiDomain + " are not inside this zone, so the server would refuse "
                            + "the update (NOTZONE)",
                    "set it to " + apiDomain + " or a parent zone of it"));
        }
        return new OnPremDns(
                platform.string("onPrem.dns.server"),
                intOr(platform, "onPrem.dns.port", 53),
                zone,
                intOr(platform, "onPrem.dns.ttl", 300),
                platform.string("onPrem.dns.tsigKey.name"),
                orDefault(platform.string("onPrem.dns.tsigKey.algorithm"), "hmac-sha256"),
                orDefault(platform.string("onPrem.dns.tsigKey.secretEnv"), DEFAULT_SECRET_VARIABLE));
    }

    private static int intOr(SpecValues tree, String path, int fallback) {
        Object value = tree.get(path);
        return value == null ? fallback : ((Number) value).intValue();
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static String stripDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
