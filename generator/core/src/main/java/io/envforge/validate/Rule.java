package io.envforge.validate;

import java.util.List;
import java.util.Map;

/** A validation rule over the generated manifests of the tree. Rules only add findings; they never throw. */
public interface Rule {

    /** A stable name for the rule. */
    String name();

    /**
     * Checks one generated YAML file.
     *
     * @param file its path in the tree
     * @param docs its documents, parsed
     * @param tree every generated file, for rules that follow references
     */
    void check(String file, List<Map<String, Object>> docs, Map<String, String> tree, List<Finding> findings);
}
