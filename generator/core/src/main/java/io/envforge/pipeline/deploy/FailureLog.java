package io.envforge.pipeline.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The end of a failed step's log, as the front-ends print it: secret values of the environment (variables whose name
 * says token, secret, password, key or credentials) are replaced by {@code ***} in case a tool echoed one.
 */
public final class FailureLog {

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(TOKEN|SECRET|PASSWORD|KEY|CREDENTIALS).*");

    private FailureLog() {}

    /** The failure, then the last {@code lines} lines of its log, masked. */
    public static String render(StepFailedException failure, Map<String, String> environment, int lines) {
        StringBuilder out = new StringBuilder("[ERROR] " + failure.getMessage() + "\n");
        List<String> log;
        try {
            log = Files.readAllLines(failure.log());
        } catch (IOException e) {
            return out.append("[ERROR] (no log: ")
                    .append(e.getMessage())
                    .append(")\n")
                    .toString();
        }
        List<String> secrets = new ArrayList<>();
        environment.forEach((name, value) -> {
            if (SECRET_NAME.matcher(name).matches() && value != null && value.length() >= 4) {
                secrets.add(value);
            }
        });
        secrets.sort(Comparator.comparingInt(String::length).reversed());
        out.append("[ERROR] last ")
                .append(Math.min(lines, log.size()))
                .append(" line(s) of ")
                .append(failure.log())
                .append(":\n");
        for (String line : log.subList(Math.max(0, log.size() - lines), log.size())) {
            for (String s : secrets) {
                line = line.replace(s, "***");
            }
            out.append("  | ").append(line).append('\n');
        }
        return out.toString();
    }
}
