package io.envforge.ansible;

import io.envforge.render.Layout;
import io.envforge.testing.GoldenFiles;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The generated inventory of each environment, byte for byte, in {@code golden/<env>/}. Review a golden diff like
 * code; {@code -Dgolden.update=true} rewrites the files ({@link GoldenFiles}).
 */
class GoldenTest {

    static final Iterable<String> ENVS = Environments.NAMES;

    @ParameterizedTest(name = "{0}")
    @FieldSource("ENVS")
    void inventoryMatchesTheGoldenFiles(String env) {
        Map<String, String> files = new TreeMap<>();
        Environments.render(env)
                .files()
                .forEach((path, text) ->
                        files.put(path.substring(Layout.ansible(env).length()), text));
        GoldenFiles.assertTree(Repo.golden().resolve(env), files);
    }
}
