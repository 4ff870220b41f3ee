package io.envforge.ansible;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code playbooks/prepare.yml} of a {@link Workspace} and reads its PLAY RECAP. */
final class Playbook {

    static final String PREPARE = "playbooks/prepare.yml";
    /** The in-cluster Job's extra vars: every secret from an environment variable (ansible/in-cluster-vars.yml). */
    static final String IN_CLUSTER_VARS = "in-cluster-vars.yml";

    private static final Pattern RECAP =
            Pattern.compile("(?m)^(\\S+)\\s+:\\s+ok=(\\d+)\\s+changed=(\\d+)\\s+unreachable=(\\d+)\\s+failed=(\\d+)");

    /** One run: the tool's result, its PLAY RECAP (host to changed count) and how long it took. */
    record Run(Tools.Result result, Map<String, Integer> changed, long millis) {}

    private Playbook() {}

    /** Runs the playbook with {@code extraVars}; {@code more} are further arguments, e.g. {@code --limit}. */
    static Run prepare(Workspace ws, String env, Path extraVars, String... more) {
        return prepare(ws, env, Map.of(), List.of("-e", "@" + extraVars), more);
    }

    /**
     * Runs the playbook as the in-cluster preparation Job does: {@code -e @in-cluster-vars.yml} (every secret read
     * from the process environment) plus the non-secret {@code overrides}, with {@code secrets} in the environment
     * and no file holding a secret.
     */
    static Run prepareInCluster(Workspace ws, String env, Path overrides, Map<String, String> secrets) {
        return prepare(ws, env, secrets, List.of("-e", "@" + IN_CLUSTER_VARS, "-e", "@" + overrides));
    }

    private static Run prepare(
            Workspace ws, String env, Map<String, String> extraEnv, List<String> vars, String... more) {
        Tools.require("ansible-playbook");
        List<String> command = new ArrayList<>(
                List.of("ansible-playbook", "-i", ws.inventory(env).toString(), PREPARE));
        command.addAll(vars);
        command.addAll(List.of(more));
        Map<String, String> processEnv = new LinkedHashMap<>(ws.env());
        processEnv.putAll(extraEnv);
        long start = System.nanoTime();
        Tools.Result result = Tools.run(ws.dir(), processEnv, command);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Map<String, Integer> changed = new LinkedHashMap<>();
        Matcher m = RECAP.matcher(result.output());
        while (m.find()) {
            changed.put(m.group(1), Integer.parseInt(m.group(3)));
        }
        return new Run(result, changed, millis);
    }
}
