package io.envforge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.TestWorkspace;
import io.envforge.api.GenerateRequest;
import io.envforge.api.GenerateResult;
import io.envforge.error.EnvforgeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spreading environments over accounts, subscriptions and regions ({@code spec.accounts}): new environments are placed
 * in declared order within each account's capacity and quotas, the placement is written into the spec, the account's
 * ID reaches the Terraform provider, quotas warn from 80 %, and bad account input gives one problem each.
 */
class AccountsTest {

    private static final String PLATFORM = "environments/platform.yaml";
    private static final String ACCOUNTS = "  accounts:\n"
            + "    - name: aws-a\n      cloud: aws\n      id: \"111111111111\"\n"
            + "      regions: [eu-west-1, eu-central-1]\n      capacity: 2\n"
            + "    - name: aws-b\n      cloud: aws\n      id: \"222222222222\"\n      regions: [eu-west-1]\n"
            + "      capacity: 9\n      quotas: {vpcsPerRegion: 200, vpnGatewaysPerRegion: 8}\n"
            + "    - name: az-a\n      cloud: azure\n      id: 11111111-1111-1111-1111-111111111111\n"
            + "      regions: [westeurope]\n      capacity: 500\n";

    @TempDir
    Path dir;

    private Scratch workspace(String accounts) throws Exception {
        Scratch ws = Scratch.in(dir);
        String text = Files.readString(TestWorkspace.REPO.resolve(PLATFORM));
        ws.write(PLATFORM, text.replace("  pools:\n", accounts + "  pools:\n"));
        return ws.commitAll("accounts");
    }

    private static GenerateResult create(Path ws, String cloud, String... envs) {
        return new Envforge(List.of(), List.of())
                .generate(GenerateRequest.builder(ws)
                        .environments(envs)
                        .cloud(cloud)
                        .build());
    }

    private static String placement(Scratch ws, String env) {
        String spec = ws.read("environments/" + env + ".yaml");
        return line(spec, "account:") + " " + line(spec, "region:");
    }

    private static String line(String yaml, String key) {
        return yaml.lines()
                .map(String::trim)
                .filter(l -> l.startsWith(key))
                .map(l -> l.substring(key.length()).trim())
                .findFirst()
                .orElse("-");
    }

    @Test
    void newEnvironmentsFillAccountsAndRegionsInDeclaredOrder() throws Exception {
        Scratch ws = workspace(ACCOUNTS);
        create(dir, null, "e1", "e2", "e3", "e4", "e5");
        create(dir, "azure", "z1");
        assertEquals(
                Map.of(
                        "e1",
                        "aws-a eu-west-1",
                        "e2",
                        "aws-a eu-west-1",
                        "e3",
                        "aws-a eu-central-1",
                        "e4",
                        "aws-a eu-central-1",
                        "e5",
                        "aws-b eu-west-1",
                        "z1",
                        "az-a westeurope"),
                Map.of(
                        "e1",
                        placement(ws, "e1"),
                        "e2",
                        placement(ws, "e2"),
                        "e3",
                        placement(ws, "e3"),
                        "e4",
                        placement(ws, "e4"),
                        "e5",
                        placement(ws, "e5"),
                        "z1",
                        placement(ws, "z1")));
    }

    @Test
    void aQuotaStopsPlacementBeforeTheCapacityDoes() throws Exception {
        Scratch ws = workspace(ACCOUNTS);
        create(dir, null, "e1", "e2", "e3", "e4");
        // aws-b: capacity 9, but 8 virtual private gateways per Region (one per environment in vpn mode)
        create(dir, null, "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8");
        assertEquals("aws-b eu-west-1", placement(ws, "f8"));
        EnvforgeException e = assertThrows(EnvforgeException.class, () -> create(dir, null, "f9"));
        assertEquals(1, e.problems().size());
        assertEquals(
                PLATFORM + ": spec.accounts: no aws account has room for environment f9 (aws-a (111111111111)"
                        + " [eu-central-1 2/2, eu-west-1 2/2]; aws-b (222222222222) [eu-west-1 8/9], or a quota would be"
                        + " exceeded); add an account or a region to spec.accounts, or raise a capacity (and the cloud quota"
                        + " behind it)",
                e.getMessage());
    }

    @Test
    void theEnvironmentsAccountReachesItsTerraformProvider() throws Exception {
        Scratch ws = workspace(ACCOUNTS);
        ws.spec("dev1", "aws", "10.20.0.0/20", "  account: aws-b\n  region: eu-west-1\n");
        ws.spec("dev2", "azure", "10.20.16.0/20", "  account: az-a\n");
        Envforge.standard(dir).generate(ws.request(false, false, "dev1", "dev2"));
        assertTrue(
                ws.read("terraform/environments/dev1/providers.tf")
                        .contains("allowed_account_ids = [\"222222222222\"]"),
                ws.read("terraform/environments/dev1/providers.tf"));
        assertTrue(
                ws.read("terraform/environments/dev2/providers.tf")
                        .contains("subscription_id     = \"11111111-1111-1111-1111-111111111111\""),
                ws.read("terraform/environments/dev2/providers.tf"));
    }

    @Test
    void poolsWarnFromEightyPercentOfADefaultQuota() throws Exception {
        Scratch ws = Scratch.in(dir);
        for (int i = 1; i <= 3; i++) {
            ws.spec("dev" + i, "aws", "10.20." + (16 * i) + ".0/20", "");
        }
        assertEquals(List.of(), Pools.warnings(dir), "3 of 5 VPCs: no warning yet");
        ws.spec("dev4", "aws", "10.20.64.0/20", "");
        List<String> warnings = Pools.warnings(dir);
        assertEquals(2, warnings.size(), warnings.toString());
        assertEquals(
                "[WARNING] environments/platform.yaml: spec.aws.accountId: aws account default (123456789012)"
                        + " eu-west-1: the environments use 4 of 5 VPCs per Region (the aws default,"
                        + " https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html), near the quota; raise"
                        + " the quota in the cloud and set it in spec.accounts[].quotas.vpcsPerRegion, or spread new"
                        + " environments over more accounts and regions (spec.accounts)",
                warnings.get(0));
        assertTrue(warnings.get(1).contains("4 of 5 virtual private gateways per Region"), warnings.get(1));
        ws.spec("dev5", "aws", "10.20.80.0/20", "");
        assertTrue(
                Pools.warnings(dir)
                        .get(0)
                        .contains(
                                "5 of 5 VPCs per Region (the aws default, https://"
                                        + "docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html), the quota is reached"),
                Pools.warnings(dir).get(0));
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                platform(
                        "two accounts of one name",
                        ACCOUNTS.replace("name: aws-b", "name: aws-a"),
                        PLATFORM + ": spec.accounts[1].name \"aws-a\": is the name of an earlier account"),
                platform(
                        "an Azure subscription as an AWS account",
                        ACCOUNTS.replace("\"111111111111\"", "11111111-1111-1111-1111-111111111111"),
                        PLATFORM + ": spec.accounts[0].id"
                                + " \"11111111-1111-1111-1111-111111111111\": is not an AWS account ID; give the 12"
                                + " digits"),
                platform(
                        "an Azure region on AWS",
                        ACCOUNTS.replace("[eu-west-1, eu-central-1]", "[eu-west-1, westeurope]"),
                        PLATFORM + ": spec.accounts[0].regions[1] \"westeurope\": is not"
                                + " an AWS region code; for example eu-west-1"),
                platform(
                        "a quota envforge does not count",
                        ACCOUNTS.replace("vpcsPerRegion: 200", "privateDnsZonesPerSubscription: 200"),
                        PLATFORM + ": spec.accounts[1].quotas."
                                + "privateDnsZonesPerSubscription: is not a quota envforge counts on aws; use one of"
                                + " vpcsPerRegion, vpnGatewaysPerRegion"),
                platform(
                        "no capacity",
                        ACCOUNTS.replace("      capacity: 2\n", ""),
                        PLATFORM + ": spec.accounts[0].capacity: is required"),
                spec(
                        "an account that does not exist",
                        "  account: aws-z\n",
                        "environments/dev9.yaml: spec.account"
                                + " \"aws-z\": names no account in spec.accounts of environments/platform.yaml; use one of:"
                                + " aws-a, aws-b"),
                spec(
                        "an account of the other cloud",
                        "  account: az-a\n",
                        "environments/dev9.yaml: spec.account"
                                + " \"az-a\": is an account on azure (environments/platform.yaml spec.accounts[2]) and the"
                                + " environment is on aws"),
                spec(
                        "a region the account does not have",
                        "  account: aws-b\n  region: eu-central-1\n",
                        "environments/dev9.yaml: spec.region \"eu-central-1\": is not a region of account aws-b"
                                + " (eu-west-1); use one of them, or add eu-central-1 to spec.accounts[1].regions"));
    }

    private static Arguments platform(String label, String accounts, String expected) {
        return Arguments.of(label, accounts, (Consumer<Scratch>) ws -> {}, expected);
    }

    private static Arguments spec(String label, String extra, String expected) {
        return Arguments.of(
                label, ACCOUNTS, (Consumer<Scratch>) ws -> ws.spec("dev9", "aws", "10.40.0.0/20", extra), expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void failsCleanly(String label, String accounts, Consumer<Scratch> setup, String expected) throws Exception {
        Scratch ws = workspace(accounts);
        setup.accept(ws);
        Map<String, String> before = ws.files();
        EnvforgeException e = assertThrows(EnvforgeException.class, () -> create(dir, null, "dev9"));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().startsWith(expected), "expected \"" + expected + "\" in: " + e.getMessage());
        assertEquals(before, ws.files(), "no file may change");
    }
}
