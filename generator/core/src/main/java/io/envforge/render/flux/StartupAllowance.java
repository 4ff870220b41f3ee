package io.envforge.render.flux;

import io.envforge.model.Environment;
import io.envforge.model.Layer;

/**
 * How long a layer's rollout may take, so that {@code <env>-layers}' timeout does not give up on pods that are still
 * allowed to start. Both layers replace one pod at a time (the integration Deployment: maxSurge 1, maxUnavailable 0;
 * the API StatefulSet: RollingUpdate, one ordinal after another), so a rollout lasts up to {@code replicas} times one
 * pod's allowance: the old pod's termination grace, the new pod's startup probe budget (periodSeconds x
 * failureThreshold), one readiness period and minReadySeconds. The numbers are the charts' defaults
 * ({@code charts/<chart>/values.yaml} probes.startupFailureThreshold, minReadySeconds, terminationGracePeriodSeconds;
 * the probes' periods in {@code templates/statefulset.yaml} and {@code templates/deployment.yaml}); FluxHealthIT
 * recomputes them from the rendered workloads.
 */
final class StartupAllowance {

    private StartupAllowance() {}

    /** One pod's allowance in seconds. */
    static int perPodSeconds(Layer layer) {
        boolean api = Layer.API.equals(layer.name());
        int startupPeriod = api ? 10 : 5;
        int startupFailureThreshold = 60;
        int readinessPeriod = 10;
        int minReadySeconds = 30;
        int terminationGrace = api ? 120 : 60;
        return terminationGrace + startupPeriod * startupFailureThreshold + readinessPeriod + minReadySeconds;
    }

    /** The layers Kustomization's timeout: the slowest layer's rollout, both rolling at once, in whole minutes. */
    static String layersTimeout(Environment env) {
        int seconds = env.layers().stream()
                .mapToInt(l -> l.replicas() * perPodSeconds(l))
                .max()
                .orElse(300);
        return ((seconds + 59) / 60) + "m";
    }
}
