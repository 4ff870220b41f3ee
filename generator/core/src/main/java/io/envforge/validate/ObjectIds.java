package io.envforge.validate;

import java.util.Map;

/** Reads the identity of a Kubernetes object for messages. */
final class ObjectIds {

    private ObjectIds() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> metadata(Map<String, Object> doc) {
        Object m = doc.get("metadata");
        return m instanceof Map<?, ?> ? (Map<String, Object>) m : Map.of();
    }

    /** {@code Kind/namespace/name} or {@code Kind/name}. */
    static String id(Map<String, Object> doc) {
        Map<String, Object> metadata = metadata(doc);
        Object ns = metadata.get("namespace");
        return doc.get("kind") + "/" + (ns == null ? "" : ns + "/") + metadata.get("name");
    }
}
