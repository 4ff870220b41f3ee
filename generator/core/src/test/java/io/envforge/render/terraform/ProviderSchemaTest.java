package io.envforge.render.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-written modules, examples and the generated roots of an AWS and an Azure environment use only resource types,
 * arguments and blocks that exist in aws 6.19 / azurerm 4.51, and set every required one. Each broken fixture is
 * caught, with the finding its one defect deserves.
 */
class ProviderSchemaTest {

    @Test
    void modulesExamplesAndGeneratedRootsMatchTheProviderSchemas() {
        Map<Path, JsonNode> files = Parsed.under(Roots.workspace().resolve("terraform"));
        List<String> findings = new ConfigChecker(files).check();
        assertEquals(List.of(), findings);
        long resources = files.values().stream()
                .mapToLong(f -> f.path("resource").size())
                .sum();
        assertTrue(resources >= 40, "resource types checked: " + resources);
        for (String folder : List.of(
                "environments/dev1",
                "environments/tst2",
                "environments/dev1/cluster-addons",
                "environments/tst2/cluster-addons",
                "modules/aws/database",
                "modules/azure/database",
                "modules/aws/cluster",
                "modules/azure/cluster",
                "examples/aws-cluster",
                "examples/azure-cluster")) {
            Path dir = Roots.workspace().resolve("terraform").resolve(folder);
            assertTrue(files.keySet().stream().anyMatch(p -> p.startsWith(dir)), "no .tf files checked in " + folder);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown-argument.tf          | aws_vpc.broken: unknown argument or block "cidr"
            missing-required-argument.tf | aws_db_instance.broken: missing required argument "instance_class"
            unknown-block.tf             | azurerm_postgresql_flexible_server.broken: unknown argument or block "high_availability_zone"
            unknown-nested-argument.tf   | azurerm_postgresql_flexible_server.broken.high_availability: unknown argument or block "zone"
            unknown-resource-type.tf     | aws_rds_multi_az_instance.broken: unknown resource type aws_rds_multi_az_instance
            unlisted-provider.tf         | null_resource.broken: resource type null_resource is not on the allow-list of other providers
            read-only-argument.tf        | aws_efs_file_system.broken.arn: read-only attribute set
            """)
    void brokenFixtureIsCaught(String fixture, String expected) {
        Path file = Parsed.BROKEN.resolve(fixture);
        List<String> findings = new ConfigChecker(Map.of(file, Parsed.all().get(file))).check();
        assertEquals(List.of(file + ": " + expected), findings);
    }

    @Test
    void moduleCallsAndReferencesAreChecked() {
        Map<Path, JsonNode> files = Parsed.under(Parsed.BROKEN.resolve("module-call"));
        Path main = Parsed.BROKEN.resolve("module-call/main.tf");
        Path outputs = Parsed.BROKEN.resolve("module-call/outputs.tf");
        assertEquals(
                List.of(
                        main + ": module.broken: module ./mod has no variable \"nam\"",
                        main + ": module.broken: missing required variable \"name\"",
                        outputs + ": var.missing is not declared",
                        outputs + ": module.broken has no output nme"),
                new ConfigChecker(files).check());
    }
}
