package io.envforge.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.render.OutputTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schemas envforge ships (no schema folder given): Kubernetes from its OpenAPI definitions, the CRDs derived from the
 * controllers' manifests. Every kind the golden trees hold has one and passes; one bad field per kind is caught; a
 * kind without a schema is an error unless allowed; a user's folder adds and overrides.
 */
class BundledSchemasTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    static Stream<Path> goldenTrees() throws IOException {
        try (Stream<Path> cases = Files.list(GOLDEN)) {
            return cases.map(c -> c.resolve("expected")).filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenTrees")
    void everyGeneratedKindHasABundledSchemaAndPasses(Path expected) throws IOException {
        OutputTree.Builder tree = OutputTree.builder();
        try (Stream<Path> files = Files.walk(expected)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                tree.put(expected.relativize(f).toString(), Files.readString(f));
            }
        }
        Report report = new Validator(Optional.empty()).validate(tree.build());
        assertEquals(List.of(), report.errors(), report.render());
        assertFalse(report.render().contains("nothing (no schema)"), report.render());
        assertTrue(report.render().contains("against " + KubernetesSchemas.LABEL), report.render());
    }

    private static final String ES = "apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n"
            + "  name: db\n  namespace: dev1\nspec:\n  secretStoreRef:\n    kind: SecretStore\n    name: store\n"
            + "  target:\n    name: db\n  dataFrom:\n    - extract:\n        key: dev1/db\n";
    private static final String STORE = "apiVersion: external-secrets.io/v1\nkind: SecretStore\nmetadata:\n"
            + "  name: store\n  namespace: dev1\nspec:\n  provider:\n    aws:\n      service: SecretsManager\n"
            + "      region: eu-west-1\n";
    private static final String GIT = "apiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata:\n"
            + "  name: envforge-dev1\n  namespace: flux-system\nspec:\n  interval: 1m\n"
            + "  url: https://git.example.com/gitops.git\n  ref:\n    branch: main\n";
    private static final String KS = "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n"
            + "  name: dev1-platform\n  namespace: flux-system\nspec:\n  interval: 10m\n  prune: true\n"
            + "  path: ./overlays/dev1/platform\n  sourceRef:\n    kind: GitRepository\n    name: envforge-dev1\n";
    private static final String PROJECT = "apiVersion: argoproj.io/v1alpha1\nkind: AppProject\nmetadata:\n"
            + "  name: envforge\n  namespace: argocd\nspec:\n  sourceRepos:\n    - https://git.example.com/gitops.git\n";
    private static final String APPSET = "apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata:\n"
            + "  name: envforge\n  namespace: argocd\nspec:\n  generators:\n    - list:\n        elements: []\n"
            + "  template:\n    metadata:\n      name: x\n    spec:\n      project: envforge\n"
            + "      destination:\n        server: https://kubernetes.default.svc\n"
            + "      source:\n        repoURL: https://git.example.com/gitops.git\n        path: overlays\n";
    private static final String STS = "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: api\n"
            + "  namespace: dev1\nspec:\n  serviceName: api\n  selector:\n    matchLabels:\n      app: api\n"
            + "  template:\n    metadata:\n      labels:\n        app: api\n    spec:\n      containers:\n"
            + "        - name: api\n          image: wso2/wso2am:4.3.0\n          resources:\n"
            + "            requests:\n              cpu: 1\n              memory: 2Gi\n          ports:\n"
            + "            - containerPort: 9443\n";
    private static final String NETPOL = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n"
            + "  name: api\n  namespace: dev1\nspec:\n  podSelector: {}\n  ingress:\n    - ports:\n"
            + "        - port: 9443\n";

    /** Each kind good, then broken in exactly one field; the error names the bundled schema it came from. */
    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of(
                        "StatefulSet",
                        STS,
                        "          ports:",
                        "          portz:",
                        "Kubernetes 1.32.13 (api/openapi-spec/swagger.json from k8s.io/kubernetes@v1.32.13"),
                Arguments.of(
                        "NetworkPolicy",
                        NETPOL,
                        "podSelector",
                        "podselector",
                        "Kubernetes 1.32.13 (api/openapi-spec/swagger.json from k8s.io/kubernetes@v1.32.13"),
                Arguments.of("ExternalSecret", ES, "dataFrom", "datafrom", "external-secrets/external-secrets@v1.3.2"),
                Arguments.of(
                        "SecretStore",
                        STORE,
                        "service: SecretsManager",
                        "service: Vault",
                        "external-secrets/external-secrets@v1.3.2"),
                Arguments.of("GitRepository", GIT, "branch: main", "brunch: main", "fluxcd/source-controller@v1.7.3"),
                Arguments.of(
                        "Kustomization", KS, "prune: true", "prune: yes please", "fluxcd/kustomize-controller@v1.7.3"),
                Arguments.of("AppProject", PROJECT, "sourceRepos", "sourceRepo", "argoproj/argo-cd/v3@v3.5.7"),
                Arguments.of(
                        "ApplicationSet",
                        APPSET,
                        "path: overlays",
                        "path: overlays\n        pathh: x",
                        "argoproj/argo-cd/v3@v3.5.7"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aBadFieldIsCaughtByTheBundledSchema(String kind, String good, String from, String to, String source) {
        assertEquals(List.of(), bundled(good).errors(), bundled(good).render());
        Report bad = bundled(good.replace(from, to));
        assertFalse(bad.errors().isEmpty(), bad.render());
        assertTrue(
                bad.errors().stream()
                        .allMatch(
                                e -> e.message().contains(source) && e.message().contains(", bundled)")),
                bad.render());
    }

    /** PodSpec.hostnameOverride is new in Kubernetes 1.34: a 1.32 cluster's API server would refuse it. */
    @Test
    void aFieldNewerThanTheClustersKubernetesIsRefused() {
        String sts = STS.replace("      containers:", "      hostnameOverride: api-0\n      containers:");
        Report report = bundled(sts);
        assertEquals(1, report.errors().size(), report.render());
        assertTrue(
                report.render()
                        .contains("StatefulSet/dev1/api: $.spec.template.spec: property 'hostnameOverride' is not"
                                + " defined in the schema"),
                report.render());
    }

    @Test
    void aKindWithoutASchemaIsAnErrorUnlessAllowed() {
        String cert = "apiVersion: example.com/v1\nkind: Gadget\nmetadata:\n  name: c\n  namespace: dev1\n";
        Report strict = bundled(cert);
        assertEquals(1, strict.errors().size(), strict.render());
        assertTrue(
                strict.render()
                        .contains("no schema for example.com/v1 Gadget: add one to the schema folder"
                                + " (envforge.schemas, crds/<group>/<kind>_<version>.json), or allow unvalidated kinds with"
                                + " -Denvforge.allowUnvalidated=true"),
                strict.render());
        Report allowed = new Validator(Optional.empty(), true).validate(tree(cert));
        assertEquals(List.of(), allowed.errors(), allowed.render());
        assertTrue(
                allowed.render().contains("[WARNING] overlays/dev1/objects.yaml: Gadget/dev1/c: not validated"),
                allowed.render());
    }

    @Test
    void aUserFolderAddsAndOverrides(@TempDir Path folder) throws IOException {
        Path certSchema = folder.resolve("crds/cert-manager.io/certificate_v1.json");
        Files.createDirectories(certSchema.getParent());
        Files.writeString(
                certSchema,
                "{\"type\":\"object\",\"required\":[\"spec\"],"
                        + "\"x-kubernetes-validations\":[{\"rule\":\"true\"}]}");
        Path esSchema = folder.resolve("crds/external-secrets.io/externalsecret_v1.json");
        Files.createDirectories(esSchema.getParent());
        Files.writeString(
                esSchema, "{\"type\":\"object\",\"properties\":{\"spec\":{\"required\":[\"refreshInterval\"]}}}");
        String cert = "apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: c\n  namespace: dev1\n";
        Report report = new Validator(Optional.of(folder)).validate(tree(cert + "---\n" + ES));
        String text = report.render();
        assertTrue(
                text.contains("Certificate/dev1/c: $: required property 'spec' not found (schema " + folder
                        + "/crds/cert-manager.io/certificate_v1.json)"),
                text);
        assertTrue(
                text.contains("ExternalSecret/dev1/db: $.spec: required property 'refreshInterval' not found"), text);
        assertTrue(
                text.contains(
                        "[INFO] environment dev1: validated 2 object(s): 2 against the schema folder " + folder + "\n"),
                text);
    }

    private static Report bundled(String yaml) {
        return new Validator(Optional.empty()).validate(tree(yaml));
    }

    private static OutputTree tree(String yaml) {
        return OutputTree.builder().put("overlays/dev1/objects.yaml", yaml).build();
    }
}
