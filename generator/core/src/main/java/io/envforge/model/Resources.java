package io.envforge.model;

/** Container requests and limits as Kubernetes quantities ({@code 500m}, {@code 2Gi}). */
public record Resources(String requestCpu, String requestMemory, String limitCpu, String limitMemory) {

    public Resources {
        Checks.notBlank("resources.requests.cpu", requestCpu);
        Checks.notBlank("resources.requests.memory", requestMemory);
        Checks.notBlank("resources.limits.cpu", limitCpu);
        Checks.notBlank("resources.limits.memory", limitMemory);
    }
}
