package io.envforge.pipeline.deploy;

import java.util.Objects;

/**
 * An environment the pipeline acts on, with what it needs to reach its cluster.
 *
 * @param name the environment
 * @param cloud {@code aws} or {@code azure}
 * @param region the cloud region (AWS {@code eu-west-1}; used by {@code aws eks update-kubeconfig})
 * @param resourceGroup the Azure resource group of the cluster ({@code az aks get-credentials}); empty on AWS
 * @param controller {@code flux} or {@code argocd}
 * @param decommissioning true when {@code environments/<env>.decommission} marks it for destroy
 */
public record Target(
        String name, String cloud, String region, String resourceGroup, String controller, boolean decommissioning) {

    public Target {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cloud, "cloud");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(resourceGroup, "resourceGroup");
        Objects.requireNonNull(controller, "controller");
    }
}
