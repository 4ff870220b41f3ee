package io.envforge.spec;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads and validates the files under {@code environments/}. Reads only; never writes. */
public final class SpecReader {

    public static final String DIRECTORY = "environments";
    public static final String PLATFORM_FILE = DIRECTORY + "/platform.yaml";

    private SpecReader() {}

    public static String fileOf(String environment) {
        return DIRECTORY + "/" + environment + ".yaml";
    }

    public static PlatformSpec readPlatform(Path workspace) {
        return parsePlatform(read(workspace, PLATFORM_FILE, "create it from the one in the envforge repository"));
    }

    /** Parses and validates the platform file's text (as read from disk or from a commit). */
    public static PlatformSpec parsePlatform(byte[] content) {
        Map<String, Object> doc = YamlFiles.parseMapping(PLATFORM_FILE, content);
        SchemaCheck.PLATFORM.check(PLATFORM_FILE, doc);
        checkGitUrl(doc);
        return new PlatformSpec(PLATFORM_FILE, doc, content);
    }

    /**
     * {@code spec.git.url} goes into every Flux object and Argo CD entry and into commit messages: no credentials in
     * it, and no plain {@code http://} (but to this machine itself), over which the controllers would send the Secret
     * {@code envforge-git}.
     */
    @SuppressWarnings("unchecked")
    private static void checkGitUrl(Map<String, Object> doc) {
        Map<String, Object> git = (Map<String, Object>) ((Map<String, Object>) doc.get("spec")).get("git");
        String url = (String) git.get("url");
        GitUrl.credentials(
                        PLATFORM_FILE,
                        "spec.git.url",
                        url,
                        "remove them: they would be committed into the Flux"
                                + " objects; the controllers authenticate with the Secret envforge-git in flux-system, envforge with "
                                + "ENVFORGE_GIT_TOKEN or ENVFORGE_GIT_SSH_KEY from the CI's secret store")
                .ifPresent(p -> {
                    throw new EnvforgeException(p);
                });
        if (GitUrl.isPlainHttp(url) && !GitUrl.isLoopback(url)) {
            throw new EnvforgeException(new Problem(
                    PLATFORM_FILE,
                    "spec.git.url",
                    url,
                    "plain http:// would send" + " the controllers' Git credentials (Secret envforge-git) unencrypted",
                    "use https:// or ssh://"));
        }
    }

    /** True when {@code environments/<name>.yaml} exists. */
    public static boolean exists(Path workspace, String name) {
        return Files.isRegularFile(workspace.resolve(fileOf(name)));
    }

    public static EnvironmentSpec readEnvironment(Path workspace, String name) {
        String file = fileOf(name);
        byte[] content = read(workspace, file, "create it with mvn generate -Denv=" + name + " -Dsubnet=CIDR");
        return parseEnvironment(file, name, content);
    }

    /** Parses and validates spec text; {@code name} must equal {@code metadata.name}. */
    public static EnvironmentSpec parseEnvironment(String file, String name, byte[] content) {
        Map<String, Object> doc = YamlFiles.parseMapping(file, content);
        SchemaCheck.ENVIRONMENT.check(file, doc);
        @SuppressWarnings("unchecked")
        String declared = (String) ((Map<String, Object>) doc.get("metadata")).get("name");
        EnvironmentName.check(file, "metadata.name", declared).ifPresent(p -> {
            throw new EnvforgeException(p);
        });
        if (!declared.equals(name)) {
            throw new EnvforgeException(new Problem(
                    file,
                    "metadata.name",
                    declared,
                    "does not match the file name " + name + ".yaml",
                    // the file's own name may not be a valid environment name (Prod3.yaml): then only renaming fixes it
                    EnvironmentName.check(file, "", name).isPresent()
                            ? "rename the file to " + declared + ".yaml"
                            : "rename the file to " + declared + ".yaml or set metadata.name: " + name));
        }
        return new EnvironmentSpec(file, name, doc, content);
    }

    private static EnvforgeException tooLarge(String file, long size) {
        return new EnvforgeException(new Problem(
                file,
                "",
                null,
                "file is " + size + " bytes, larger than the limit" + " of " + YamlFiles.MAX_BYTES + " bytes (1 MiB)",
                "a spec holds only what differs from the platform defaults; remove the rest"));
    }

    /** Names of all environments, sorted: every {@code environments/*.yaml} except the platform file. */
    public static List<String> listEnvironments(Path workspace) {
        WorkspacePaths.check(workspace, DIRECTORY);
        Path dir = workspace.resolve(DIRECTORY);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml") && !f.equals("platform.yaml"))
                    .map(f -> f.substring(0, f.length() - ".yaml".length()))
                    .sorted()
                    .forEach(names::add);
        } catch (IOException e) {
            throw new EnvforgeException(
                    new Problem(
                            DIRECTORY, "", null, "cannot list: " + e.getMessage(), "check the folder's permissions"),
                    e);
        }
        return names;
    }

    /**
     * Reads a spec or the platform file: no link on the way, a regular file (a FIFO would block the read forever, a
     * device such as {@code /dev/zero} never end), and at most {@link YamlFiles#MAX_BYTES} read whatever it claims.
     */
    private static byte[] read(Path workspace, String file, String fix) {
        WorkspacePaths.check(workspace, file);
        Path path = workspace.resolve(file);
        try {
            BasicFileAttributes attributes =
                    Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                throw new EnvforgeException(new Problem(
                        file,
                        "",
                        null,
                        "is not a regular file but "
                                + (attributes.isDirectory() ? "a folder" : "a FIFO, socket or device"),
                        "replace it with a plain YAML file"));
            }
            if (attributes.size() > YamlFiles.MAX_BYTES) {
                throw tooLarge(file, attributes.size());
            }
            try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
                byte[] content = in.readNBytes(YamlFiles.MAX_BYTES + 1);
                if (content.length > YamlFiles.MAX_BYTES) {
                    throw tooLarge(file, content.length);
                }
                return content;
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new EnvforgeException(new Problem(file, "", null, "file not found", fix), e);
        } catch (IOException e) {
            throw new EnvforgeException(
                    new Problem(file, "", null, "cannot read: " + e.getMessage(), "check the file's permissions"), e);
        }
    }
}
