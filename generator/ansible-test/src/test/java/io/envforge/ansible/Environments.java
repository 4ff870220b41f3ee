package io.envforge.ansible;

import io.envforge.model.Environment;
import io.envforge.model.ModelResolver;
import io.envforge.render.OutputTree;
import io.envforge.render.ansible.AnsibleRenderer;
import io.envforge.spec.SpecReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The environments the tests generate inventories for: {@code dev1} (AWS) as specified in the repository, and
 * {@code az1}, an Azure environment whose spec is given here.
 */
final class Environments {

    static final List<String> NAMES = List.of("az1", "dev1");

    private static final String AZ1 = """
            apiVersion: envforge.io/v1alpha1
            kind: Environment
            metadata:
              name: az1
            spec:
              cloud: azure
              network:
                cidr: 10.30.0.0/20
            """;

    private Environments() {}

    static Environment resolve(String name) {
        ModelResolver resolver = new ModelResolver(SpecReader.readPlatform(Repo.root()));
        var spec = "az1".equals(name)
                ? SpecReader.parseEnvironment(SpecReader.fileOf(name), name, AZ1.getBytes(StandardCharsets.UTF_8))
                : SpecReader.readEnvironment(Repo.root(), name);
        return resolver.resolve(spec, new java.util.TreeMap<>());
    }

    /** The files {@link AnsibleRenderer} generates for {@code name}. */
    static OutputTree render(String name) {
        return new AnsibleRenderer().render(resolve(name));
    }
}
