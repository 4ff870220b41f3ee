package io.envforge.render.argocd;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.envforge.model.Environment;
import io.envforge.model.GitOps;
import io.envforge.render.Layout;
import io.envforge.render.OutputTree;
import io.envforge.render.Renderer;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code clusters/<env>/envforge/argocd.json} for an environment delivered by Argo CD: the parameters that the fleet's
 * ApplicationSet (a Git files generator over these files) turns into the environment's Application. The file existing
 * is what makes the environment part of the Argo CD fleet; JSON has no comments, so the header is a key.
 */
public final class ArgoCdRenderer implements Renderer {

    /** The generator's parameter file, one per Argo CD environment. */
    public static final String CONFIG = "argocd.json";
    /** The files generator's glob: every environment's parameter file, and nothing else. */
    public static final String CONFIG_GLOB = "clusters/*/envforge/" + CONFIG;

    /** The parameter holding the environment's overlay folder, the Application's source path. */
    public static final String OVERLAY = "overlay";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "argocd";
    }

    @Override
    public OutputTree render(Environment env) {
        OutputTree.Builder out = OutputTree.builder();
        if (!GitOps.ARGOCD.equals(env.gitops().controller())) {
            return OutputTree.empty();
        }
        out.put(configPath(env.name()), json(parameters(env)));
        return out.build();
    }

    /** Where {@code env}'s parameter file goes. */
    public static String configPath(String env) {
        return Layout.cluster(env) + CONFIG;
    }

    static Map<String, Object> parameters(Environment env) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(
                "generated",
                Layout.header(env.name(), Layout.spec(env.name())).substring(2).trim());
        p.put("environment", env.name());
        // The cluster as registered in Argo CD (argocd cluster add ... --name): its cloud name.
        p.put("cluster", env.names().prefix());
        p.put("namespace", env.namespace());
        // Not "path": Argo CD's Git files generator sets `path` to its own map (path.path, path.basename,
        // path.filename, path.segments, ...) after copying the file's keys, so a file key of that name never reaches
        // the template (argo-cd v3.6.1 applicationset/generators/repo_path_utils.go, parseFileParams; before v3.6
        // generators/git.go, generateParamsFromGitFile). "values" is taken too when the generator sets its own
        // `values` field (generators/value_interpolation.go).
        p.put(OVERLAY, Layout.overlay(env.name()).replaceAll("/$", ""));
        p.put("prune", env.gitops().prune());
        p.put("selfHeal", env.gitops().selfHeal());
        return p;
    }

    static String json(Object value) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
