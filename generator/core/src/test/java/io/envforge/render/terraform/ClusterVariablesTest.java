package io.envforge.render.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.envforge.TestWorkspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cluster modules' variable validations, run by the real {@code terraform plan} on the module's
 * {@code variables.tf} alone (no provider needed, so it runs offline): the example values the error messages give
 * pass, and each bad value is refused with its message.
 */
class ClusterVariablesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every required variable, and the values the error messages show as examples. */
    private static final String AWS_GOOD = """
            {"name": "envforge-dev1", "kubernetes_version": "1.32", "vpc_id": "vpc-0a1b2c3d4e5f60001",
             "vpc_cidr": "10.20.0.0/20", "subnet_ids": ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"],
             "api_access_cidrs": ["10.0.0.0/16", "172.16.0.0/16"], "service_cidr": "172.20.0.0/16",
             "node_instance_types": ["m6i.xlarge"], "node_count": {"min": 2, "desired": 3, "max": 6},
             "node_disk_gb": 50, "log_types": ["api", "audit"],
             "addon_versions": {"vpc_cni": "v1.19.2-eksbuild.1", "coredns": "v1.11.4-eksbuild.2",
                                "kube_proxy": "v1.32.0-eksbuild.2"}}
            """;

    private static final String AZURE_GOOD = """
            {"name": "envforge-dev1", "resource_group_name": "rg-envforge-dev1", "location": "westeurope",
             "kubernetes_version": "1.32", "tenant_id": "00000000-0000-0000-0000-000000000000",
             "vnet_id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-envforge-dev1/providers/Microsoft.Network/virtualNetworks/vnet-envforge-dev1",
             "node_subnet_id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-envforge-dev1/providers/Microsoft.Network/virtualNetworks/vnet-envforge-dev1/subnets/snet-workload-a",
             "zones": ["1", "2"], "node_vm_size": "Standard_D4s_v5", "node_count": {"min": 2, "max": 6},
             "service_cidr": "172.20.0.0/16", "pod_cidr": "172.21.0.0/16", "outbound_type": "loadBalancer"}
            """;

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            aws   | (examples)          |                                              |
            aws   | name                | "envforge-an-environment-name-of-30-chars"   | name must be 2..39 lower-case letters
            aws   | subnet_ids          | ["subnet-0a1b2c3d4e5f60001"]                 | subnet_ids must name the workload subnets of both zones
            aws   | api_access_cidrs    | ["10.0.0.0/33"]                              | api_access_cidrs must list IPv4 blocks
            aws   | service_cidr        | "172.20.0.0/8"                               | service_cidr must be an IPv4 block from /12 to /24
            aws   | node_count          | {"min": 1, "desired": 1, "max": 3}           | node_count needs 2 <= min <= desired <= max
            aws   | node_count          | {"min": 3, "desired": 2, "max": 6}           | node_count needs 2 <= min <= desired <= max
            aws   | addon_versions      | {"vpc_cni": "latest", "coredns": "v1.11.4-eksbuild.2", "kube_proxy": "v1.32.0-eksbuild.2"} | addon_versions must be EKS add-on versions
            aws   | log_types           | ["api", "kubelet"]                           | log_types may hold api, audit, authenticator
            aws   | kubernetes_version  | "1.32.1"                                     | kubernetes_version must be a minor version
            azure | (examples)          |                                              |
            azure | zones               | ["1"]                                        | zones must list at least two of 1, 2 and 3
            azure | node_count          | {"min": 1, "max": 3}                         | node_count needs 2 <= min <= max
            azure | tenant_id           | "not-a-guid"                                 | tenant_id must be a GUID
            azure | node_subnet_id      | "snet-workload-a"                            | node_subnet_id must be a subnet id
            azure | outbound_type       | "none"                                       | outbound_type must be loadBalancer, userDefinedRouting
            azure | node_vm_size        | "D4s_v5"                                     | node_vm_size must be an Azure VM size
            """)
    void validationsAcceptTheirExamplesAndRefuseBadValues(String cloud, String variable, String bad, String message)
            throws Exception {
        ObjectNode values = (ObjectNode) JSON.readTree(cloud.equals("aws") ? AWS_GOOD : AZURE_GOOD);
        if (bad != null) {
            values.set(variable, JSON.readTree(bad));
        }
        Files.copy(
                TestWorkspace.REPO.resolve("terraform/modules").resolve(cloud).resolve("cluster/variables.tf"),
                temp.resolve("variables.tf"));
        Files.writeString(temp.resolve("terraform.tfvars.json"), JSON.writeValueAsString(values));
        Files.writeString(temp.resolve("empty.tfrc"), "");
        assertEquals(0, terraform("init", "-input=false").exitCode());
        Result plan = terraform("plan", "-input=false", "-no-color");
        if (message == null) {
            assertEquals(0, plan.exitCode(), plan.output());
        } else {
            assertEquals(1, plan.exitCode(), plan.output());
            String flat = plan.output().replaceAll("\\s+", " ");
            assertTrue(flat.contains(message), flat);
            assertTrue(flat.contains("var." + variable), flat);
        }
    }

    private record Result(int exitCode, String output) {}

    private Result terraform(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("terraform"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(temp.toFile()).redirectErrorStream(true);
        pb.environment().put("TF_CLI_CONFIG_FILE", temp.resolve("empty.tfrc").toString());
        pb.environment().put("CHECKPOINT_DISABLE", "1");
        pb.environment().put("TF_IN_AUTOMATION", "1");
        Process process = pb.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("terraform " + String.join(" ", args) + " did not finish");
        }
        return new Result(process.exitValue(), out);
    }
}
