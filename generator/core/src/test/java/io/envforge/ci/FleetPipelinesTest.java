package io.envforge.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The sharded fleet workflow: schema-valid, one matrix entry per shard, combine after all shards; Jenkins alike. */
class FleetPipelinesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @SuppressWarnings("unchecked")
    void workflowRunsOneJobPerShardThenCombinesOnce() throws Exception {
        String text = Files.readString(Scratch.REPO.resolve(".github/workflows/fleet.yml"));
        Map<String, Object> workflow = Yaml.loadAll(text).get(0);
        ObjectNode schema = (ObjectNode) JSON.readTree(Scratch.SHARED
                .resolve("schemas/schemastore/github-workflow.json")
                .toFile());
        schema.remove("$id");
        schema.remove("$schema");
        Set<ValidationMessage> errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(schema)
                .validate(JSON.valueToTree(workflow));
        assertEquals(Set.of(), errors);

        int shards = Integer.parseInt(String.valueOf(((Map<String, Object>) workflow.get("env")).get("SHARDS")));
        Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
        Map<String, Object> shard = (Map<String, Object>) jobs.get("shard");
        List<Object> matrix = (List<Object>)
                ((Map<String, Object>) ((Map<String, Object>) shard.get("strategy")).get("matrix")).get("shard");
        assertEquals(IntStream.rangeClosed(1, shards).boxed().toList(), matrix, "one runner per shard, 1..SHARDS");
        assertTrue(text.contains("-Dshard=${{ matrix.shard }}/$SHARDS"), "each runner renders its own slice");
        Map<String, Object> combine = (Map<String, Object>) jobs.get("combine");
        assertEquals("shard", combine.get("needs"));
        assertTrue(text.contains("envforge.jar combine"));
    }

    @Test
    void jenkinsRunsTheShardsInAParallelStageThenCombines() throws Exception {
        String text = Files.readString(Scratch.REPO.resolve("Jenkinsfile.fleet"));
        assertTrue(text.contains("parallel branches"));
        assertTrue(text.contains("-Dshard=${shard}/${SHARDS}"));
        assertTrue(text.indexOf("envforge.jar combine") > text.indexOf("parallel branches"));
    }
}
