package io.envforge.validate;

import java.util.List;
import java.util.Map;

/** No Secret with data may be generated: secret values come from the secret store, never from Git. */
public final class NoPlaintextSecretRule implements Rule {

    @Override
    public String name() {
        return "no-plaintext-secret";
    }

    @Override
    public void check(String file, List<Map<String, Object>> docs, Map<String, String> tree, List<Finding> findings) {
        for (Map<String, Object> doc : docs) {
            if ("Secret".equals(doc.get("kind"))
                    && "v1".equals(doc.get("apiVersion"))
                    && (hasEntries(doc.get("data")) || hasEntries(doc.get("stringData")))) {
                findings.add(Finding.error(
                        file,
                        ObjectIds.id(doc),
                        "a Secret with literal data would put a secret"
                                + " in Git; reference it through an ExternalSecret instead"));
            }
        }
    }

    private static boolean hasEntries(Object value) {
        return value instanceof Map<?, ?> map && !map.isEmpty();
    }
}
