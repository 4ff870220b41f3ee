package io.envforge.render.flux;

import static io.envforge.render.Yaml.map;

import java.util.List;
import java.util.Map;

/**
 * The Kustomizations' {@code spec.healthCheckExprs}: how kustomize-controller tells whether an object of a custom kind
 * is ready. kstatus, its default, knows only the built-in kinds and the {@code Ready}/{@code Reconciling} conventions
 * it can see; an ExternalSecret or SecretStore without a status (External Secrets has not synced it yet) reads as
 * Current to it, so {@code <env>-platform} would be Ready before any Secret exists. These expressions read External
 * Secrets' own {@code Ready} condition instead.
 *
 * <p>Field shape: kustomize-controller {@code docs/spec/v1/kustomizations.md} ("Health check expressions":
 * {@code apiVersion}, {@code kind}, {@code current}, {@code failed}, {@code inProgress}; evaluated inProgress, failed,
 * current; none true means InProgress) and {@code fluxcd/pkg/runtime/cel} (the expressions see the object's top-level
 * fields; optional types are on, so {@code status.?conditions.orValue([])} is safe before the controller writes
 * conditions). Condition type and reasons: external-secrets {@code apis/externalsecrets/v1/externalsecret_types.go}
 * ({@code Ready}; {@code SecretSyncedError} is the sync failure, {@code SecretMissing}/{@code SecretDeleted} are
 * repaired by the controller) and {@code secretstore_types.go} ({@code Ready} False only for
 * {@code InvalidStoreConfiguration}, {@code InvalidProviderConfig}, {@code ValidationFailed};
 * {@code pkg/controllers/secretstore/common.go} sets Ready True with {@code ValidationUnknown} when it cannot check).
 */
final class HealthChecks {

    /** The API group of External Secrets' kinds; {@code healthCheckExprs} match on the group, not the version. */
    static final String ESO_API_VERSION = "external-secrets.io/v1";
    /** cert-manager's kinds (platform/certificates.yaml). */
    static final String CERT_MANAGER_API_VERSION = "cert-manager.io/v1";

    private static final String READY =
            "status.?conditions.orValue([]).exists(c, c.type == 'Ready' && c.status == '%s'%s)";

    private HealthChecks() {}

    /** Checks for every custom kind the platform and layers overlays apply (the test checks that none is missing). */
    static List<Map<String, Object>> all() {
        return List.of(
                check(ESO_API_VERSION, "ExternalSecret", ready("False", " && c.reason == 'SecretSyncedError'")),
                check(ESO_API_VERSION, "SecretStore", ready("False", "")),
                // cert-manager v1.21.2: a failed issuance sets status.lastFailureTime, a successful one clears it
                // (pkg/controller/certificates/issuing/issuing_controller.go, failIssueCertificate/issueCertificate);
                // Ready is the condition type of both kinds (pkg/apis/certmanager/v1/types_certificate.go,
                // types_issuer.go). A CA Issuer is Ready False with ErrGetKeyPair while its CA Certificate is still
                // being issued (pkg/issuer/ca/setup.go), so only ErrInvalidKeyPair counts as failed.
                check(CERT_MANAGER_API_VERSION, "Certificate", "status.?lastFailureTime.hasValue()"),
                check(CERT_MANAGER_API_VERSION, "Issuer", ready("False", " && c.reason == 'ErrInvalidKeyPair'")));
    }

    private static Map<String, Object> check(String apiVersion, String kind, String failed) {
        return map("apiVersion", apiVersion, "kind", kind, "current", ready("True", ""), "failed", failed);
    }

    private static String ready(String status, String more) {
        return READY.formatted(status, more);
    }
}
