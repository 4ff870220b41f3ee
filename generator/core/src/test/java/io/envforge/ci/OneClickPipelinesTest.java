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

/**
 * The GitHub Actions workflows (the button, the pipeline, the decommission) validate against the workflow schema
 * (SchemaStore's github-workflow.json, ../shared/schemas), and the Jenkinsfile offers the same button and runs the
 * same envforge commands.
 */
class OneClickPipelinesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern GENERATE = Pattern.compile("(?m)^\\s*(mvn -B generate .*)$");
    private static final Pattern ENVFORGE =
            Pattern.compile("(?m)(java -jar generator/cli/target/envforge.jar .*?)(\\s*[|']|$)");
    private static final List<String> WORKFLOWS = List.of("generate.yml", "pipeline.yml", "decommission.yml");

    @Test
    @SuppressWarnings("unchecked")
    void workflowsValidateAgainstTheSchemaAndTheButtonAsksForEnvironmentSubnetCloudController() throws Exception {
        ObjectNode schema = (ObjectNode) JSON.readTree(Scratch.SHARED
                .resolve("schemas/schemastore/github-workflow.json")
                .toFile());
        schema.remove("$id");
        schema.remove("$schema");
        for (String file : WORKFLOWS) {
            Map<String, Object> workflow = Yaml.loadAll(
                            Files.readString(Scratch.REPO.resolve(".github/workflows/" + file)))
                    .get(0);
            Set<ValidationMessage> errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                    .getSchema(schema)
                    .validate(JSON.valueToTree(workflow));
            assertEquals(Set.of(), errors, file);
        }
        Map<String, Object> workflow = Yaml.loadAll(
                        Files.readString(Scratch.REPO.resolve(".github/workflows/generate.yml")))
                .get(0);
        Map<String, Object> dispatch =
                (Map<String, Object>) ((Map<String, Object>) workflow.get("on")).get("workflow_dispatch");
        assertEquals(
                Set.of("environment", "subnet", "cloud", "controller"),
                ((Map<String, Object>) dispatch.get("inputs")).keySet());
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePipelineWorkflowPlansPullRequestsAppliesPushesChecksDriftAndMasksTheToken() throws Exception {
        String text = Files.readString(Scratch.REPO.resolve(".github/workflows/pipeline.yml"));
        Map<String, Object> on = (Map<String, Object>) Yaml.loadAll(text).get(0).get("on");
        assertTrue(on.keySet().containsAll(List.of("pull_request", "push", "schedule")), on.toString());
        Map<String, String> steps = new java.util.LinkedHashMap<>();
        Map<String, Object> job = (Map<String, Object>)
                ((Map<String, Object>) Yaml.loadAll(text).get(0).get("jobs")).get("pipeline");
        for (Map<String, Object> step : (List<Map<String, Object>>) job.get("steps")) {
            if (step.get("run") != null) {
                steps.put(String.valueOf(step.get("run")), String.valueOf(step.get("if")));
            }
        }
        assertEquals("github.event_name == 'pull_request'", condition(steps, "pipeline plan "));
        assertEquals("github.event_name == 'push'", condition(steps, "pipeline apply "));
        assertTrue(condition(steps, "pipeline drift").contains("github.event_name == 'schedule'"));
        String first = steps.keySet().iterator().next();
        assertTrue(first.contains("::add-mask::$ENVFORGE_GIT_TOKEN"), "the token is masked first: " + first);
        assertFalse(text.matches("(?s).*echo \"?\\$ENVFORGE_GIT_TOKEN.*"), "the token is never echoed");
    }

    private static String condition(Map<String, String> steps, String command) {
        return steps.entrySet().stream()
                .filter(e -> e.getKey().contains(command))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no step runs " + command));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theVerifyCheckValidatesAndRunsOnPullRequests() throws Exception {
        String text = Files.readString(Scratch.REPO.resolve(".github/workflows/verify.yml"));
        Map<String, Object> workflow = Yaml.loadAll(text).get(0);
        ObjectNode schema = (ObjectNode) JSON.readTree(Scratch.SHARED
                .resolve("schemas/schemastore/github-workflow.json")
                .toFile());
        schema.remove("$id");
        schema.remove("$schema");
        assertEquals(
                Set.of(),
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                        .getSchema(schema)
                        .validate(JSON.valueToTree(workflow)));
        assertTrue(((Map<String, Object>) workflow.get("on")).containsKey("pull_request"));
        assertTrue(text.contains("\n        run: mvn -B envforge:verify\n"), text);
    }

    @Test
    void aBrokenWorkflowIsRejected() throws Exception {
        ObjectNode schema = (ObjectNode) JSON.readTree(Scratch.SHARED
                .resolve("schemas/schemastore/github-workflow.json")
                .toFile());
        schema.remove("$id");
        schema.remove("$schema");
        Map<String, Object> broken = Yaml.loadAll("on: {workflow_dispatch: {}}\njobs: {generate: {steps: []}}\n")
                .get(0);
        assertFalse(
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                        .getSchema(schema)
                        .validate(JSON.valueToTree(broken))
                        .isEmpty(),
                "a job without runs-on");
    }

    @Test
    void jenkinsRunsTheSameCommandsWithTheSameParameters() throws Exception {
        String workflows = "";
        for (String file : WORKFLOWS) {
            workflows += Files.readString(Scratch.REPO.resolve(".github/workflows/" + file));
        }
        String jenkins = Files.readString(Scratch.REPO.resolve("Jenkinsfile"));
        Set<String> generate = lines(GENERATE, workflows);
        assertEquals(2, generate.size(), generate.toString());
        assertEquals(generate, lines(GENERATE, jenkins));
        String push =
                generate.stream().filter(l -> l.contains("push")).findFirst().orElseThrow();
        for (String option : List.of(
                "-Denv=\"$ENVFORGE_ENV\"",
                "-Dsubnet=\"$ENVFORGE_SUBNET\"",
                "-Dcloud=\"$ENVFORGE_CLOUD\"",
                "-Denvforge.push=branch",
                "-Denvforge.remote=origin",
                "-Denvforge.summary=target/")) {
            assertTrue(push.contains(option), option);
        }
        Set<String> envforge = lines(ENVFORGE, workflows);
        assertEquals(
                Set.of("plan", "comment", "apply", "drift", "remove"),
                envforge.stream()
                        .map(l -> l.split(" ")[3].equals("pipeline") ? l.split(" ")[4] : l.split(" ")[3])
                        .collect(java.util.stream.Collectors.toSet()),
                envforge.toString());
        assertEquals(envforge, lines(ENVFORGE, jenkins));
        for (String p : List.of("environment", "subnet")) {
            assertTrue(jenkins.contains("string(name: '" + p + "'"), p);
        }
        for (String p : List.of("cloud", "controller")) {
            assertTrue(jenkins.contains("choice(name: '" + p + "'"), p);
        }
        assertTrue(jenkins.contains("mvn -B -f generator/pom.xml install -DskipTests")
                && workflows.contains("mvn -B -f generator/pom.xml install -DskipTests"));
    }

    /** Each distinct match of the pattern's first group, trimmed. */
    static Set<String> lines(Pattern pattern, String text) {
        Set<String> out = new java.util.TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(m.group(1).trim());
        }
        return out;
    }
}
