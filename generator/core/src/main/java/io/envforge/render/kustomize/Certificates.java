package io.envforge.render.kustomize;

import static io.envforge.render.Yaml.map;

import io.envforge.model.Environment;
import io.envforge.model.Layer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The environment's own keys, as cert-manager objects: a CA made in the cluster (a self-signed Issuer signs one CA
 * Certificate; a CA Issuer signs with it, cert-manager's documented bootstrap of a private CA), and per layer one
 * Certificate whose Secret carries {@code keystore.jks} and {@code truststore.jks} encrypted with the layer's
 * {@code keystore-password} (the ExternalSecret-delivered {@code <layer>-internal}; cert-manager
 * {@code spec.keystores.jks.passwordSecretRef}, CRD cert-manager.io_certificates.yaml v1.21.2). The charts mount that
 * Secret ({@code keystore.existingSecret}); every API Manager peer mounts the same one. No key is in Git or in
 * Terraform state: cert-manager generates them in the cluster.
 */
final class Certificates {

    static final String API = "cert-manager.io/v1";
    static final String SELF_SIGNED = "envforge-selfsigned";
    static final String CA = "envforge-ca";

    private Certificates() {}

    static List<Map<String, Object>> all(Environment env) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(issuer(env, SELF_SIGNED, map("selfSigned", map())));
        out.add(certificate(
                env,
                CA,
                map(
                        "isCA",
                        true,
                        "commonName",
                        "envforge " + env.name() + " CA",
                        "secretName",
                        CA,
                        // Ten years; the leaf certificates below are renewed from it long before.
                        "duration",
                        "87600h",
                        "privateKey",
                        map("algorithm", "RSA", "size", 4096, "rotationPolicy", "Never"),
                        "issuerRef",
                        issuerRef(SELF_SIGNED))));
        out.add(issuer(env, CA, map("ca", map("secretName", CA))));
        for (Layer layer : env.layers()) {
            out.add(layerCertificate(env, layer));
        }
        return out;
    }

    private static Map<String, Object> layerCertificate(Environment env, Layer layer) {
        String ns = env.namespace();
        List<String> dnsNames = new ArrayList<>();
        Map<String, Object> spec = map("secretName", layer.keystoreSecret());
        if (Layer.API.equals(layer.name())) {
            // The names on-prem clients use (gateway and portals, served on the internal load balancer with TLS
            // passed through to the pods), then the in-cluster ones: the Service, the peers' stable names (the
            // traffic managers' ssl:// 9711 URLs) and localhost (the key manager's service_url).
            spec.put("commonName", env.apiHostname());
            dnsNames.add(env.apiHostname());
            dnsNames.add(env.portalHostname());
        } else {
            spec.put("commonName", layer.serviceHost(ns));
        }
        dnsNames.add(layer.name());
        dnsNames.add(layer.name() + "." + ns + ".svc");
        dnsNames.add(layer.serviceHost(ns));
        if (Layer.API.equals(layer.name())) {
            dnsNames.add("*." + layer.name() + "-peers." + ns + ".svc.cluster.local");
        }
        dnsNames.add("localhost");
        spec.put("dnsNames", dnsNames);
        if (Layer.API.equals(layer.name())) {
            spec.put("ipAddresses", env.network().apiAddresses());
        }
        spec.putAll(map(
                "duration", "8760h",
                "renewBefore", "720h",
                // RSA: API Manager signs its JWTs with this key (RS256).
                "privateKey", map("algorithm", "RSA", "size", 2048, "rotationPolicy", "Always"),
                "usages", List.of("digital signature", "key encipherment", "server auth", "client auth"),
                "issuerRef", issuerRef(CA),
                "keystores",
                        map(
                                "jks",
                                map(
                                        "create",
                                        true,
                                        "alias",
                                        Layer.KEY_ALIAS,
                                        "passwordSecretRef",
                                        map("name", layer.internalSecret(), "key", "keystore-password")))));
        return map(
                "apiVersion",
                API,
                "kind",
                "Certificate",
                "metadata",
                map("name", layer.keystoreSecret(), "namespace", ns),
                "spec",
                spec);
    }

    private static Map<String, Object> issuer(Environment env, String name, Map<String, Object> spec) {
        return map(
                "apiVersion",
                API,
                "kind",
                "Issuer",
                "metadata",
                map("name", name, "namespace", env.namespace()),
                "spec",
                spec);
    }

    private static Map<String, Object> certificate(Environment env, String name, Map<String, Object> spec) {
        return map(
                "apiVersion",
                API,
                "kind",
                "Certificate",
                "metadata",
                map("name", name, "namespace", env.namespace()),
                "spec",
                spec);
    }

    private static Map<String, Object> issuerRef(String name) {
        return map("name", name, "kind", "Issuer", "group", "cert-manager.io");
    }
}
