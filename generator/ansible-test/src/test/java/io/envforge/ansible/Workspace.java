package io.envforge.ansible;

import io.envforge.render.Layout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A copy of the repository's hand-written {@code ansible/} folder in a temporary folder, with freshly generated
 * inventories of {@link Environments#NAMES} in it: what a user has after {@code mvn generate}.
 */
final class Workspace {

    private final Path ansible;

    private Workspace(Path ansible) {
        this.ansible = ansible;
    }

    static Workspace create(Path parent) {
        Path target = parent.resolve("ansible");
        copy(Repo.ansible(), target);
        for (String env : Environments.NAMES) {
            Environments.render(env).files().forEach((path, text) -> write(parent.resolve(path), text));
        }
        return new Workspace(target);
    }

    /** The {@code ansible/} folder: run the tools from here so that its ansible.cfg applies. */
    Path dir() {
        return ansible;
    }

    Path inventory(String env) {
        return ansible.getParent().resolve(Layout.ansible(env) + "hosts.yml");
    }

    /** Environment of every Ansible process: no colours, config of this folder, state kept inside the temp folder. */
    Map<String, String> env() {
        Path home = ansible.getParent().resolve(".ansible-home");
        return Map.of(
                "ANSIBLE_CONFIG",
                ansible.resolve("ansible.cfg").toString(),
                "ANSIBLE_NOCOLOR",
                "1",
                "ANSIBLE_FORCE_COLOR",
                "0",
                "ANSIBLE_HOME",
                home.toString(),
                "ANSIBLE_LOCAL_TEMP",
                home.resolve("tmp").toString(),
                "XDG_CACHE_HOME",
                home.resolve("cache").toString());
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().endsWith(".secret.yaml"))
                    .toList()) {
                write(to.resolve(from.relativize(file).toString()), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
