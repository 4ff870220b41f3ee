package io.envforge.pipeline.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a plan changes, read from {@code terraform show -json PLANFILE} (the JSON output format: {@code
 * resource_changes[].address} and {@code .change.actions}). Only addresses and actions are kept: attribute values,
 * sensitive or not, never leave this class, so nothing printed from it can hold a secret.
 */
public record PlanChanges(List<Change> changes) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public PlanChanges {
        changes = List.copyOf(changes);
    }

    /** One resource instance and what happens to it. */
    public record Change(String address, Action action) {}

    /** Terraform's action lists, folded: {@code ["delete","create"]} and {@code ["create","delete"]} are REPLACE. */
    public enum Action {
        CREATE,
        UPDATE,
        REPLACE,
        DELETE
    }

    /** Parses the JSON plan; no-op and read actions are not changes. */
    public static PlanChanges parse(String showJson) {
        JsonNode root;
        try {
            root = JSON.readTree(showJson);
        } catch (IOException e) {
            throw new UncheckedIOException("terraform show -json did not print a JSON plan: " + e.getMessage(), e);
        }
        List<Change> out = new ArrayList<>();
        for (JsonNode rc : root.path("resource_changes")) {
            List<String> actions = new ArrayList<>();
            rc.path("change").path("actions").forEach(a -> actions.add(a.asText()));
            Action action = switch (String.join(",", actions)) {
                case "create" -> Action.CREATE;
                case "update" -> Action.UPDATE;
                case "delete" -> Action.DELETE;
                case "delete,create", "create,delete" -> Action.REPLACE;
                default -> null;
            };
            if (action != null) {
                out.add(new Change(rc.path("address").asText(), action));
            }
        }
        return new PlanChanges(out);
    }

    /** Resources to add: created and replaced ones (as Terraform counts them). */
    public int toAdd() {
        return count(Action.CREATE) + count(Action.REPLACE);
    }

    public int toChange() {
        return count(Action.UPDATE);
    }

    /** Resources to destroy: deleted and replaced ones. */
    public int toDestroy() {
        return count(Action.DELETE) + count(Action.REPLACE);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    private int count(Action action) {
        return (int) changes.stream().filter(c -> c.action() == action).count();
    }
}
