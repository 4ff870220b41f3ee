package io.envforge.e2e;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A STAND-IN for cert-manager, said plainly: the controller is not built here. Like cert-manager after a successful
 * issuance, it creates each Certificate's Secret (placeholder data under the keys cert-manager writes: tls.crt,
 * tls.key, ca.crt, and keystore.jks / truststore.jks when spec.keystores.jks.create is set) and sets the Certificate's
 * and Issuer's {@code Ready} condition to True (cert-manager v1.21.2 pkg/apis/certmanager/v1 CertificateConditionReady,
 * IssuerConditionReady). The platform Kustomization's health checks then see what they see in a cluster.
 */
final class CertManagerStandIn extends StatusStandIn {

    private static final String ISSUERS = "issuers.cert-manager.io";
    private static final String CERTIFICATES = "certificates.cert-manager.io";

    CertManagerStandIn(Kubectl kubectl, String namespace) {
        super(kubectl, namespace, "cert-manager-stand-in");
        start();
    }

    @Override
    void syncOnce(Kubectl k, String ns, String now) {
        for (JsonNode issuer : list(k, ISSUERS, ns)) {
            if (!ready(issuer)) {
                markReady(k, ISSUERS, issuer, ns, now, "KeyPairVerified", "issuer ready (test stand-in)");
            }
        }
        for (JsonNode cert : list(k, CERTIFICATES, ns)) {
            if (ready(cert)) {
                continue;
            }
            StringBuilder secret = new StringBuilder("apiVersion: v1\nkind: Secret\nmetadata:\n  name: "
                    + cert.path("spec").path("secretName").asText() + "\n  namespace: " + ns
                    + "\ntype: kubernetes.io/tls\nstringData:\n  tls.crt: stand-in\n  tls.key: stand-in\n"
                    + "  ca.crt: stand-in\n");
            if (cert.path("spec").path("keystores").path("jks").path("create").asBoolean()) {
                secret.append("  keystore.jks: stand-in\n  truststore.jks: stand-in\n");
            }
            apply(k, secret.toString(), "cert-manager-stand-in");
            markReady(k, CERTIFICATES, cert, ns, now, "Ready", "issued by the test's stand-in");
        }
    }
}
