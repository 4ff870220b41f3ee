package io.envforge.ansible;

import java.nio.file.Path;

/** Where things are: the repository root (surefire system property {@code envforge.repo}). */
final class Repo {

    private Repo() {}

    static Path root() {
        String value = System.getProperty("envforge.repo");
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property envforge.repo is not set; run the tests through Maven "
                    + "(mvn -f generator/pom.xml -pl ansible-test -am verify) or pass -Denvforge.repo=...");
        }
        return Path.of(value).toAbsolutePath().normalize();
    }

    static Path ansible() {
        return root().resolve("ansible");
    }

    static Path golden() {
        return root().resolve("generator/ansible-test/src/test/resources/golden");
    }

    static Path testSchema() {
        return root().resolve("generator/ansible-test/src/test/resources/schema");
    }
}
