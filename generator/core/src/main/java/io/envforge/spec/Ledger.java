package io.envforge.spec;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.network.Cidr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The address ledger: one small file per reservation under {@code environments/.reservations/}, so that two
 * reservations for different environments never touch the same file and a thousand of them stay cheap to read and to
 * merge. Reads and formats only; the pipeline decides when to reserve, the Git publisher commits.
 */
public final class Ledger {

    /** The ledger's folder; not a spec (no {@code *.yaml} directly under {@code environments/}). */
    public static final String DIRECTORY = SpecReader.DIRECTORY + "/.reservations";

    private Ledger() {}

    /** {@code environments/.reservations/<env>.yaml}. */
    public static String fileOf(String environment) {
        return DIRECTORY + "/" + environment + ".yaml";
    }

    /** Every reservation in the workspace, by environment; an unreadable one fails with its problems. */
    public static SortedMap<String, Reservation> read(Path workspace) {
        WorkspacePaths.check(workspace, DIRECTORY);
        Path dir = workspace.resolve(DIRECTORY);
        SortedMap<String, Reservation> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml"))
                    .forEach(names::add);
        } catch (IOException e) {
            throw new EnvforgeException(
                    new Problem(
                            DIRECTORY, "", null, "cannot list: " + e.getMessage(), "check the folder's permissions"),
                    e);
        }
        List<Problem> problems = new ArrayList<>();
        for (String f : names) {
            String name = f.substring(0, f.length() - ".yaml".length());
            String file = DIRECTORY + "/" + f;
            try {
                WorkspacePaths.check(workspace, file);
                out.put(name, parse(file, name, Files.readAllBytes(workspace.resolve(file))));
            } catch (EnvforgeException e) {
                problems.addAll(e.problems());
            } catch (IOException e) {
                problems.add(
                        new Problem(file, "", null, "cannot read: " + e.getMessage(), "check the file's permissions"));
            }
        }
        if (!problems.isEmpty()) {
            throw new EnvforgeException(problems);
        }
        return out;
    }

    /** Parses and validates one reservation; {@code name} (the file's base name) must be its metadata.name. */
    public static Reservation parse(String file, String name, byte[] content) {
        Map<String, Object> doc = YamlFiles.parseMapping(file, content);
        SchemaCheck.RESERVATION.check(file, doc);
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
                    "rename the file or set metadata.name: " + name));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) doc.get("spec");
        Reservation reservation =
                new Reservation(file, name, String.valueOf(spec.get("cidr")), (String) spec.get("account"), (String)
                        spec.get("region"));
        reservation.block();
        return reservation;
    }

    /** The file's text for {@code block} reserved for {@code environment}: deterministic, no time, no author. */
    public static byte[] format(String environment, Cidr block) {
        return format(environment, block, null, null);
    }

    /** As above, with the account and region the environment is placed in (both null when not placed). */
    public static byte[] format(String environment, Cidr block, String account, String region) {
        String text = "# Address reservation written by envforge when it handed this block out on the target branch,"
                + " before\n# the environment's pull request existed. Removed with the environment (envforge remove)."
                + " Do not edit.\n"
                + "apiVersion: envforge.io/v1alpha1\nkind: Reservation\nmetadata:\n  name: " + environment
                + "\nspec:\n  cidr: " + block + "\n"
                + (account == null ? "" : "  account: " + account + "\n  region: " + region + "\n");
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
