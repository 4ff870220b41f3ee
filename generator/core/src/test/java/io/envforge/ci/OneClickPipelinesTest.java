package io.envforge.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.envforge.pipeline.Scratch;
import io.envforge.render.Yaml;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The GitHub Actions button validates against the workflow schema, and Jenkins offers the same button. */
class OneClickPipelinesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern GENERATE = Pattern.compile("(?m)^\\s*(mvn -B generate .*)$");

    @Test
    @SuppressWarnings("unchecked")
    void workflowValidatesAgainstTheSchemaAndAsksForEnvironmentAndSubnet() throws Exception {
        String text = Files.readString(Scratch.REPO.resolve(".github/workflows/generate.yml"));
        Map<String, Object> workflow = Yaml.loadAll(text).get(0);
        ObjectNode schema = (ObjectNode) JSON.readTree(
                Scratch.SHARED.resolve("schemas/schemastore/github-workflow.json").toFile());
        schema.remove("$id");
        schema.remove("$schema");
        Set<ValidationMessage> errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema)
                .validate(JSON.valueToTree(workflow));
        assertEquals(Set.of(), errors);
        Map<String, Object> dispatch = (Map<String, Object>) ((Map<String, Object>) workflow.get("on"))
                .get("workflow_dispatch");
        assertEquals(Set.of("environment", "subnet"), ((Map<String, Object>) dispatch.get("inputs")).keySet());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theVerifyCheckValidatesAndRunsOnPullRequests() throws Exception {
        String text = Files.readString(Scratch.REPO.resolve(".github/workflows/verify.yml"));
        Map<String, Object> workflow = Yaml.loadAll(text).get(0);
        ObjectNode schema = (ObjectNode) JSON.readTree(
                Scratch.SHARED.resolve("schemas/schemastore/github-workflow.json").toFile());
        schema.remove("$id");
        schema.remove("$schema");
        assertEquals(Set.of(), JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema)
                .validate(JSON.valueToTree(workflow)));
        assertTrue(((Map<String, Object>) workflow.get("on")).containsKey("pull_request"));
        assertTrue(text.contains("\n        run: mvn -B envforge:verify\n"), text);
    }

    @Test
    void aBrokenWorkflowIsRejected() throws Exception {
        ObjectNode schema = (ObjectNode) JSON.readTree(
                Scratch.SHARED.resolve("schemas/schemastore/github-workflow.json").toFile());
        schema.remove("$id");
        schema.remove("$schema");
        Map<String, Object> broken = Yaml.loadAll("on: {workflow_dispatch: {}}\njobs: {generate: {steps: []}}\n")
                .get(0);
        assertFalse(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema)
                .validate(JSON.valueToTree(broken)).isEmpty(), "a job without runs-on");
    }

    @Test
    void jenkinsRunsTheSameCommandWithTheSameParameters() throws Exception {
        String workflow = Files.readString(Scratch.REPO.resolve(".github/workflows/generate.yml"));
        String jenkins = Files.readString(Scratch.REPO.resolve("Jenkinsfile"));
        String command = only(workflow);
        assertEquals(command, only(jenkins));
        for (String option : List.of("-Denv=\"$ENVFORGE_ENV\"", "-Dsubnet=\"$ENVFORGE_SUBNET\"",
                "-Denvforge.push=branch", "-Denvforge.remote=origin", "-Denvforge.summary=target/")) {
            assertTrue(command.contains(option), option);
        }
        assertTrue(jenkins.contains("string(name: 'environment'") && jenkins.contains("string(name: 'subnet'"));
        assertTrue(jenkins.contains("mvn -B -f generator/pom.xml install -DskipTests")
                && workflow.contains("mvn -B -f generator/pom.xml install -DskipTests"));
    }

    private static String only(String text) {
        Matcher m = GENERATE.matcher(text);
        assertTrue(m.find(), "no mvn -B generate line");
        String line = m.group(1).trim();
        assertFalse(m.find(), "more than one mvn -B generate line");
        return line;
    }
}
