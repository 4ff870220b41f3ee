package io.envforge.render.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One Terraform configuration folder, its files parsed; lookups by address across the files. */
record Config(List<JsonNode> files) {

    /** The body of {@code resource "<type>" "<name>"} (or a module call, output, variable with kind). */
    JsonNode block(String kind, String... labels) {
        for (JsonNode file : files) {
            JsonNode node = file.path(kind);
            for (String label : labels) {
                node = node.path(label);
            }
            if (!node.isMissingNode()) {
                return node.get(0);
            }
        }
        throw new AssertionError("no " + kind + " " + String.join(".", labels));
    }

    JsonNode resource(String type, String name) {
        return block("resource", type, name);
    }

    JsonNode module(String name) {
        return block("module", name);
    }

    /** An output's value expression, as text ({@code ${module.nfs.hostname}}). */
    String output(String name) {
        return block("output", name).path("value").asText();
    }
}
