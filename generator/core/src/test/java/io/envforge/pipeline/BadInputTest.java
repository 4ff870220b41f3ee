package io.envforge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.TestWorkspace;
import io.envforge.api.GenerateRequest;
import io.envforge.error.EnvforgeException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One case per way to be wrong: each fails with one clear error naming file, path, value and fix, and leaves no file
 * changed and no commit behind. The workspace already holds dev1 (10.20.0.0/20).
 */
class BadInputTest {

    private static final String SPEC = "environments/dev9.yaml";
    private static final String PLATFORM = "environments/platform.yaml";
    /** The platform file as committed, read once the workspace exists. */
    private static final java.util.function.Supplier<String> PLATFORM_TEXT = () -> {
        try {
            return java.nio.file.Files.readString(TestWorkspace.REPO.resolve(PLATFORM));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    };

    @TempDir
    static Path base;

    private static TestWorkspace workspace;

    @BeforeAll
    static void createDev1() {
        workspace = TestWorkspace.create(base.resolve("ws"));
        Envforge.standard(workspace.root()).generate(GenerateRequest.of(workspace.root(), "dev1", "10.20.0.0/20"));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                subnet("prefix over 32", "10.20.0.0/33", "prefix must be 0..32", "for example 10.20.0.0/20"),
                subnet("octet over 255", "300.1.2.3/16", "octet 300 is larger than 255", "for example"),
                subnet("host bits", "10.20.0.1/20", "host bits are set; the block starts at 10.20.0.0/20", "for"),
                subnet("not a CIDR", "abc", "not a CIDR", "for example 10.20.0.0/20"),
                subnet("public range", "8.8.0.0/20", "is not a private (RFC 1918) range", "use a block inside"),
                subnet("prefix too small", "10.30.0.0/25", "too small", "the largest allowed prefix is /23"),
                subnet(
                        "on-prem overlap",
                        "10.0.16.0/20",
                        "10.0.0.0/16",
                        "choose a block outside it, for example" + " 10.1.0.0/20 (the next free /20)"),
                subnet(
                        "other environment",
                        "10.20.8.0/21",
                        "overlaps environment dev1 (10.20.0.0/20",
                        "choose a block outside it, for example 10.20.16.0/21 (the next free /21)"),
                subnet(
                        "other environment, the next block taken too",
                        "10.20.0.0/21",
                        "overlaps environment dev1",
                        "for example 10.20.16.0/21 (the next free /21)"),
                subnet(
                        "full-width digits",
                        "\uFF11\uFF10.40.0.0/20",
                        "octet \uFF11\uFF10 has a digit other than" + " ASCII 0-9",
                        "for example 10.20.0.0/20"),
                subnet(
                        "Arabic-Indic digits",
                        "10.40.0.0/\u0662\u0660",
                        "has a digit other than ASCII 0-9",
                        "for example"),
                subnet("leading zero in an octet", "010.40.0.0/20", "octet 010 has a leading zero", "write 10"),
                subnet("leading zero in the prefix", "10.40.0.0/08", "prefix 08 has a leading zero", "write 8"),
                subnet("trailing newline", "10.40.0.0/20\n", "prefix must be a number 0..32", "for example"),
                subnet(
                        "YAML injected after a newline",
                        "10.40.0.0/20\n  layers:\n    api:\n      image:\n" + "        repository: evil/wso2am",
                        "prefix must be a number 0..32",
                        "for example"),
                Arguments.of(
                        "re-address with full-width digits",
                        (Consumer<Path>) ws -> {},
                        "dev1",
                        "\uFF11\uFF10.20.0.0/20",
                        List.of(
                                "-Dsubnet \"\uFF11\uFF10.20.0.0/20\": ",
                                "has a digit other than ASCII 0-9",
                                "drop -Dsubnet to keep dev1's block")),
                name("underscore and capital", "Dev_1", "is not a DNS label"),
                name("slash", "a/b", "is not a DNS label"),
                name("dot dot", "..", "is not a DNS label"),
                name("empty", "", "an environment name is required"),
                name("too long", "a".repeat(31), "31 characters long, more than 30"),
                reserved("reserved: the platform file", "platform", "environments/platform.yaml is the platform file"),
                reserved("reserved: kube-system", "kube-system", "kube- prefix is reserved"),
                reserved("reserved: kube-public", "kube-public", "kube- prefix is reserved"),
                reserved("reserved: kube-node-lease", "kube-node-lease", "kube- prefix is reserved"),
                reserved("reserved: any kube- name", "kube-dev1", "kube- prefix is reserved"),
                reserved("reserved: default", "default", "a Kubernetes cluster's own namespace"),
                reserved("reserved: flux-system", "flux-system", "Flux's namespace"),
                reserved("reserved: argocd", "argocd", "clusters/argocd/ holds fleet-level files"),
                reserved("reserved: envforge", "envforge", "envforge's own folder"),
                spec(
                        "unknown key",
                        "spec:\n  network:\n    cidr: 10.40.0.0/20\n    cidrr: x\n",
                        SPEC + ": spec.network.cidrr: unknown key"),
                spec(
                        "YAML syntax error",
                        "spec:\n  network:\n    cidr: 10.40.0.0/20\n  - item\n  nfs: {}\n",
                        SPEC + ":8:3: YAML syntax error"),
                spec(
                        "database engine mysql",
                        "spec:\n  network:\n    cidr: 10.40.0.0/20\n  database:\n" + "    engine: mysql\n",
                        SPEC + ": spec.database.engine \"mysql\": must be one of postgres; the"
                                + " database preparation (ansible/roles/database) supports PostgreSQL only",
                        "use postgres"),
                spec(
                        "database version not tested",
                        "spec:\n  network:\n    cidr: 10.40.0.0/20\n  database:\n" + "    version: \"14\"\n",
                        SPEC + ": spec.database.version \"14\": must be one of 15, 16;"
                                + " PostgreSQL major versions the database preparation is tested on",
                        "use \"15\" or \"16\""),
                spec(
                        "region with a trailing newline",
                        "spec:\n  region: \"eu-west-1\\n\"\n  network:\n" + "    cidr: 10.40.0.0/20\n",
                        SPEC + ": spec.region \"eu-west-1\\n\": does not match"),
                spec(
                        "image tag with a trailing newline",
                        "spec:\n  network:\n    cidr: 10.40.0.0/20\n  layers:\n"
                                + "    api:\n      image:\n        tag: \"4.3.0\\n\"\n",
                        SPEC + ": spec.layers.api.image.tag \"4.3.0\\n\": does not match"),
                spec(
                        "NFS size with a trailing newline",
                        "spec:\n  network:\n    cidr: 10.40.0.0/20\n  nfs:\n" + "    size: \"50Gi\\n\"\n",
                        SPEC + ": spec.nfs.size \"50Gi\\n\": does not match"),
                spec(
                        "database version with a trailing newline",
                        "spec:\n  network:\n    cidr: 10.40.0.0/20\n" + "  database:\n    version: \"16\\n\"\n",
                        SPEC + ": spec.database.version \"16\\n\": must be one of 15, 16"),
                spec(
                        "CPU request with a trailing newline",
                        "spec:\n  network:\n    cidr: 10.40.0.0/20\n"
                                + "  layers:\n    api:\n      resources:\n        requests:\n          cpu: \"1\\n\"\n",
                        SPEC + ": spec.layers.api.resources.requests.cpu \"1\\n\": does not match"),
                spec(
                        "runner image by tag, not digest",
                        "spec:\n  network:\n    cidr: 10.40.0.0/20\n"
                                + "  preparation:\n    image: registry.example/ansible-runner:1.0\n",
                        SPEC + ": spec.preparation.image \"registry.example/ansible-runner:1.0\": does not match"),
                spec(
                        "runner digest too short",
                        "spec:\n  network:\n    cidr: 10.40.0.0/20\n" + "  preparation:\n    image: \"@sha256:abc\"\n",
                        SPEC + ": spec.preparation.image \"@sha256:abc\": does not match"),
                platform(
                        "platform: region with a trailing newline",
                        "aws: eu-west-1",
                        "aws: \"eu-west-1\\n\"",
                        "spec.defaults.region.aws \"eu-west-1\\n\""),
                platform(
                        "platform: made-up region format",
                        "aws: eu-west-1",
                        "aws: Europe West",
                        "spec.defaults.region.aws \"Europe West\""),
                platform(
                        "platform: API domain with a trailing newline",
                        "apiDomain: apis.example.com",
                        "apiDomain: \"apis.example.com\\n\"",
                        "spec.apiDomain \"apis.example.com\\n\""),
                platform(
                        "platform: account ID with a trailing newline",
                        "accountId: \"123456789012\"",
                        "accountId: \"123456789012\\n\"",
                        "spec.aws.accountId \"123456789012\\n\""),
                platform(
                        "platform: gateway IP not an address",
                        "gatewayIp: 203.0.113.10",
                        "gatewayIp: vpn.example.com",
                        "spec.onPrem.gatewayIp \"vpn.example.com\""),
                platform(
                        "platform: gateway IP with a trailing newline",
                        "gatewayIp: 203.0.113.10",
                        "gatewayIp: \"203.0.113.10\\n\"",
                        "spec.onPrem.gatewayIp \"203.0.113.10\\n\""),
                platform(
                        "platform: gateway IP with a leading zero",
                        "gatewayIp: 203.0.113.10",
                        "gatewayIp: 203.0.113.010",
                        "spec.onPrem.gatewayIp \"203.0.113.010\""),
                platform(
                        "platform: branch with a trailing newline",
                        "branch: main",
                        "branch: \"main\\n\"",
                        "spec.git.branch \"main\\n\""),
                platform("platform: branch with ..", "branch: main", "branch: release..1", "spec.git.branch"),
                platform(
                        "platform: git URL with a space",
                        "url: https://git.example.com/platform/envforge.git",
                        "url: \"https://git.example.com/platform/env forge.git\"",
                        "spec.git.url"),
                platform(
                        "platform: token in git.url",
                        "url: https://git.example.com/",
                        "url: https://bot:ghp_S3CRET@git.example.com/",
                        "spec.git.url \"https://***@git.example.com/platform/envforge.git\": the URL carries credentials"),
                platform(
                        "platform: token as the user of git.url",
                        "url: https://git.example.com/",
                        "url: https://ghp_S3CRET@git.example.com/",
                        "spec.git.url \"https://***@git.example.com"),
                platform(
                        "platform: plain http git.url",
                        "url: https://git.example.com/",
                        "url: http://git.example.com/",
                        "spec.git.url \"http://git.example.com/platform/envforge.git\":" + " plain http://"),
                platform(
                        "platform: empty state bucket",
                        "stateBucket: acme-envforge-terraform-state",
                        "stateBucket: \"\"",
                        "spec.aws.stateBucket \"\""),
                platform(
                        "platform: state bucket with capitals",
                        "stateBucket: acme-envforge-terraform-state",
                        "stateBucket: Acme_State",
                        "spec.aws.stateBucket \"Acme_State\""),
                platform(
                        "platform: on-prem DNS zone outside the API domain",
                        "zone: apis.example.com",
                        "zone: corp.example.org",
                        "spec.onPrem.dns.zone \"corp.example.org\": the API names "
                                + "api.<env>.apis.example.com are not inside this zone"),
                platform(
                        "platform: on-prem DNS server not an address",
                        "server: 10.0.0.53",
                        "server: dns1.corp",
                        "spec.onPrem.dns.server"),
                platform(
                        "platform: egress not endpoints or nat",
                        "connectivity: vpn",
                        "connectivity: vpn\n  egress: internet",
                        "spec.egress"),
                platform(
                        "platform: transit gateway ID",
                        "transitGatewayId: tgw-0123456789abcdef0",
                        "transitGatewayId: my-tgw",
                        "spec.aws.transitGatewayId \"my-tgw\""),
                platform(
                        "platform: tenant ID not a GUID",
                        "tenantId: 00000000-0000-0000-0000-000000000000",
                        "tenantId: contoso",
                        "spec.azure.tenantId \"contoso\""),
                platform(
                        "platform: subscription ID with a trailing newline",
                        "subscriptionId: 00000000-0000-0000-0000-000000000000",
                        "subscriptionId: \"00000000-0000-0000-0000-000000000000\\n\"",
                        "spec.azure.subscriptionId"),
                platform(
                        "platform: hub VNet ID not a resource ID",
                        "hubVnetId: /subscriptions/00000000-0000-0000"
                                + "-0000-000000000000/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub",
                        "hubVnetId: vnet-hub",
                        "spec.azure.hubVnetId \"vnet-hub\""),
                platform(
                        "platform: storage account with a dash",
                        "stateStorageAccount: acmeenvforgetfstate",
                        "stateStorageAccount: acme-tfstate",
                        "spec.azure.stateStorageAccount \"acme-tfstate\""),
                platform(
                        "platform: resource group ending with a dot",
                        "stateResourceGroup: rg-envforge-tfstate",
                        "stateResourceGroup: rg-envforge.",
                        "spec.azure.stateResourceGroup \"rg-envforge.\""),
                platform(
                        "platform: name not a DNS label",
                        "name: acme",
                        "name: Acme Corp",
                        "metadata.name \"Acme Corp\""),
                glob("glob with [", "perf-[*"),
                glob("glob with (", "perf-(*"),
                glob("glob with {", "perf-{1}*"),
                glob("glob with +", "perf+*"),
                spec(
                        "log retention CloudWatch does not accept",
                        "spec:\n  network:\n    cidr: 10.40.0.0/20\n" + "  observability:\n    logRetentionDays: 45\n",
                        SPEC
                                + ": spec.observability.logRetentionDays \"45\": is not a retention CloudWatch Logs accepts",
                        "use one of those, for example 60"),
                spec(
                        "log retention below Log Analytics' minimum",
                        "spec:\n  cloud: azure\n  network:\n"
                                + "    cidr: 10.40.0.0/20\n  observability:\n    logRetentionDays: 14\n",
                        SPEC + ": spec.observability.logRetentionDays \"14\": is outside 30..730",
                        "for example 30"),
                platform(
                        "platform: default log retention CloudWatch does not accept",
                        "    gitops:\n      controller: flux\n",
                        "    gitops:\n      controller: flux\n    observability:\n      logRetentionDays: 100\n",
                        "spec.defaults.observability.logRetentionDays \"100\": is not a retention CloudWatch Logs"),
                spec(
                        "NFS size beyond any share",
                        "spec:\n  network:\n    cidr: 10.40.0.0/20\n  nfs:\n" + "    size: 99999999999Gi\n",
                        SPEC + ": spec.nfs.size \"99999999999Gi\": is larger than"),
                spec(
                        "replicas .inf",
                        "spec:\n  network:\n    cidr: 10.40.0.0/20\n  layers:\n    api:\n" + "      replicas: .inf\n",
                        SPEC + ": spec.layers.api.replicas \".inf\": is not a finite number"),
                spec(
                        "storage .nan",
                        "spec:\n  network:\n    cidr: 10.40.0.0/20\n  database:\n" + "    storageGb: .nan\n",
                        SPEC + ": spec.database.storageGb \".nan\": is not a finite number"),
                spec(
                        "CPU limit -.inf",
                        "spec:\n  network:\n    cidr: 10.40.0.0/20\n  layers:\n    api:\n"
                                + "      resources:\n        limits:\n          cpu: -.inf\n",
                        SPEC + ": spec.layers.api.resources.limits.cpu \"-.inf\": is not a finite number"),
                spec(
                        "!!binary value",
                        "spec:\n  region: !!binary ZXUtd2VzdC0x\n  network:\n    cidr: 10.40.0.0/20\n",
                        SPEC + ": spec.region: !!binary values are not allowed"),
                spec(
                        "10,000-deep nesting",
                        "spec:\n  network:\n    cidr: 10.40.0.0/20\n  nfs: " + "[".repeat(10_000) + "]".repeat(10_000)
                                + "\n",
                        SPEC + ":8:",
                        "nesting deeper than 50 levels"),
                platform(
                        "platform: defaults without nfs.size",
                        "    nfs:\n      size: 50Gi\n",
                        "    nfs: {}\n",
                        "spec.defaults.nfs.size: is required"),
                platform(
                        "platform: defaults without database.engine",
                        "      engine: postgres\n",
                        "",
                        "spec.defaults.database.engine: is required"),
                platform(
                        "platform: defaults without gitops.controller",
                        "    gitops:\n      controller: flux\n",
                        "    gitops: {}\n",
                        "spec.defaults.gitops.controller: is required"),
                platform(
                        "platform: defaults without an image tag",
                        "          repository: wso2/wso2am\n" + "          tag: 4.3.0\n",
                        "          repository: wso2/wso2am\n",
                        "spec.defaults.layers.api.image.tag: is required"),
                platform(
                        "platform: defaults without an image repository",
                        "        image:\n" + "          repository: wso2/wso2mi\n",
                        "        image:\n",
                        "spec.defaults.layers.integration.image.repository: is required"),
                platform(
                        "platform: defaults without limits",
                        "          requests: {cpu: \"1\", memory: 2Gi}\n"
                                + "          limits: {cpu: \"2\", memory: 4Gi}\n",
                        "          requests: {cpu: \"1\", memory: 2Gi}\n",
                        "spec.defaults.layers.api.resources.limits: is required"),
                platform(
                        "platform: defaults without a CPU request",
                        "          requests: {cpu: 500m, memory: 1Gi}\n",
                        "          requests: {memory: 1Gi}\n",
                        "spec.defaults.layers.integration.resources.requests.cpu: is required"),
                spec(
                        "CPU request above its limit",
                        "spec:\n  network:\n    cidr: 10.40.0.0/20\n  layers:\n    api:\n"
                                + "      resources:\n        requests:\n          cpu: 2500m\n",
                        SPEC
                                + ": spec.layers.api.resources.requests.cpu \"2500m\": is above its limit 2"
                                + " (environments/platform.yaml spec.defaults.layers.api.resources.limits.cpu)"),
                spec(
                        "memory limit below the default request",
                        "spec:\n  network:\n    cidr: 10.40.0.0/20\n"
                                + "  layers:\n    integration:\n      resources:\n        limits:\n          memory: 512Mi\n",
                        "environments/platform.yaml: spec.defaults.layers.integration.resources.requests.memory"
                                + " \"1Gi\": is above its limit 512Mi (" + SPEC
                                + " spec.layers.integration.resources.limits.memory)"),
                spec(
                        "image repository with a tag",
                        "spec:\n  network:\n    cidr: 10.40.0.0/20\n  layers:\n"
                                + "    api:\n      image:\n        repository: wso2/wso2am:4.3.0\n",
                        SPEC + ": spec.layers.api.image.repository \"wso2/wso2am:4.3.0\": has a tag"),
                spec(
                        "image repository with a registry port keeps working, but a tag does not",
                        "spec:\n  network:\n"
                                + "    cidr: 10.40.0.0/20\n  layers:\n    api:\n      image:\n"
                                + "        repository: registry.example.com:5000/wso2/wso2am:4.3.0\n",
                        SPEC + ": spec.layers.api.image.repository",
                        "has a tag"),
                Arguments.of(
                        "-Dcloud on an existing environment",
                        (Consumer<Path>) ws -> {},
                        "dev1",
                        null,
                        List.of("-Dcloud \"azure\": environment dev1 already exists on aws", "remove it first")),
                spec(
                        "Azure region on AWS",
                        "spec:\n  region: westeurope\n  network:\n    cidr: 10.40.0.0/20\n",
                        SPEC + ": spec.region \"westeurope\": is not an AWS region code (the environment is on aws)"),
                spec(
                        "AWS region on Azure",
                        "spec:\n  cloud: azure\n  region: eu-west-1\n  network:\n" + "    cidr: 10.40.0.0/20\n",
                        SPEC + ": spec.region \"eu-west-1\": is not an Azure region name"),
                spec("alias bomb", "spec:\n  network: &a\n    cidr: 10.40.0.0/20\n  nfs: *a\n", "anchors and aliases"),
                spec(
                        "backend octet over 255",
                        backends("    - cidr: 192.168.300.0/24\n"),
                        SPEC + ": spec.layers.integration.backends[0].cidr \"192.168.300.0/24\": "
                                + "octet 300 is larger than 255; give the backend's network, for example"),
                spec(
                        "backend inside the environment",
                        backends("    - cidr: 192.168.40.0/24\n" + "    - cidr: 10.40.4.0/24\n"),
                        SPEC + ": spec.layers.integration.backends[1].cidr \"10.40.4.0/24\": overlaps this "
                                + "environment's own block 10.40.0.0/20; name a network outside it"),
                spec(
                        "backend port out of range",
                        backends("    - cidr: 192.168.40.0/24\n      ports: [70000]\n"),
                        SPEC + ": spec.layers.integration.backends[0].ports[0]"),
                spec(
                        "cluster nodes max below min",
                        "spec:\n  network:\n    cidr: 10.40.0.0/20\n  cluster:\n" + "    nodes: {min: 4, max: 3}\n",
                        SPEC + ": spec.cluster.nodes \"min 4, max 3\": max is below"
                                + " min; set max to at least min, for example {min: 4, max: 6}"),
                spec(
                        "cluster nodes min below two",
                        "spec:\n  network:\n    cidr: 10.40.0.0/20\n  cluster:\n" + "    nodes: {min: 1}\n",
                        SPEC + ": spec.cluster.nodes.min"),
                spec(
                        "file over 1 MiB",
                        "spec:\n  network:\n    cidr: 10.40.0.0/20\n# " + "x".repeat(1024 * 1024),
                        "larger than the limit of 1048576 bytes (1 MiB)"));
    }

    private static String backends(String items) {
        return "spec:\n  network:\n    cidr: 10.40.0.0/20\n  layers:\n    integration:\n      backends:\n"
                + items.replace("\n    ", "\n        ").replaceFirst("^    ", "        ");
    }

    private static Arguments subnet(String label, String cidr, String message, String fix) {
        return Arguments.of(
                label,
                (Consumer<Path>) ws -> {},
                "dev9",
                cidr,
                List.of(
                        "environments/dev9.yaml: spec.network.cidr \"" + cidr.replace("\n", "\\n") + "\": ",
                        message,
                        fix));
    }

    private static Arguments name(String label, String env, String message) {
        return Arguments.of(
                label,
                (Consumer<Path>) ws -> {},
                env,
                "10.40.0.0/20",
                List.of("-Denv \"" + env + "\": ", message, "use a lower-case DNS label"));
    }

    private static Arguments glob(String label, String selector) {
        return Arguments.of(
                label,
                (Consumer<Path>) ws -> {},
                selector,
                null,
                List.of("-Denv \"" + selector + "\": ", "a glob may hold only a-z, 0-9, '-', '*' and '?'"));
    }

    private static Arguments reserved(String label, String env, String message) {
        return Arguments.of(
                label,
                (Consumer<Path>) ws -> {},
                env,
                "10.40.0.0/20",
                List.of("-Denv \"" + env + "\": is reserved: ", message, "choose another name"));
    }

    private static Arguments spec(String label, String body, String... messages) {
        String text = "apiVersion: envforge.io/v1alpha1\nkind: Environment\nmetadata:\n  name: dev9\n" + body;
        return Arguments.of(label, (Consumer<Path>) ws -> workspace.write(SPEC, text), "dev9", null, List.of(messages));
    }

    /** The platform file with {@code from} replaced by {@code to}; restored after the case. */
    private static Arguments platform(String label, String from, String to, String path) {
        return Arguments.of(
                label,
                (Consumer<Path>) ws -> {
                    String text = PLATFORM_TEXT.get();
                    if (!text.contains(from)) {
                        throw new IllegalStateException("the platform file has no " + from);
                    }
                    workspace.write(PLATFORM, text.replace(from, to));
                },
                "dev9",
                "10.40.0.0/20",
                List.of(PLATFORM + ": " + path));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsCleanly(String label, Consumer<Path> setup, String env, String subnet, List<String> expected) {
        setup.accept(workspace.root());
        Map<String, String> before = workspace.snapshot();
        String head = workspace.head();
        Optional<String> cloud = label.startsWith("-Dcloud") ? Optional.of("azure") : Optional.empty();
        GenerateRequest request = GenerateRequest.builder(workspace.root())
                .environments(List.of(env))
                .subnet(subnet)
                .cloud(cloud.orElse(null))
                .schemas(TestWorkspace.SCHEMAS)
                .build();
        try {
            EnvforgeException e = assertThrows(
                    EnvforgeException.class,
                    () -> Envforge.standard(workspace.root()).generate(request));
            assertEquals(1, e.problems().size(), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one problem, one line: " + e.getMessage());
            for (String fragment : expected) {
                assertTrue(e.getMessage().contains(fragment), "expected \"" + fragment + "\" in: " + e.getMessage());
            }
            assertEquals(before, workspace.snapshot(), "no file may change");
            assertEquals(head, workspace.head(), "no commit may be made");
        } finally {
            workspace.root().resolve(SPEC).toFile().delete();
            workspace.write(PLATFORM, PLATFORM_TEXT.get());
        }
    }
}
