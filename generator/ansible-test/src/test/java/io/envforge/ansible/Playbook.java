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
    private static final Pattern RECAP = Pattern.compile(
            "(?m)^(\\S+)\\s+:\\s+ok=(\\d+)\\s+changed=(\\d+)\\s+unreachable=(\\d+)\\s+failed=(\\d+)");

    /** One run: the tool's result, its PLAY RECAP (host to changed count) and how long it took. */
    record Run(Tools.Result result, Map<String, Integer> changed, long millis) {
    }

    private Playbook() {
    }

    /** Runs the playbook with {@code extraVars}; {@code more} are further arguments, e.g. {@code --limit}. */
    static Run prepare(Workspace ws, String env, Path extraVars, String... more) {
        Tools.require("ansible-playbook");
        List<String> command = new ArrayList<>(List.of("ansible-playbook", "-i", ws.inventory(env).toString(),
                PREPARE, "-e", "@" + extraVars));
        command.addAll(List.of(more));
        long start = System.nanoTime();
        Tools.Result result = Tools.run(ws.dir(), ws.env(), command);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Map<String, Integer> changed = new LinkedHashMap<>();
        Matcher m = RECAP.matcher(result.output());
        while (m.find()) {
            changed.put(m.group(1), Integer.parseInt(m.group(3)));
        }
        return new Run(result, changed, millis);
    }
}
