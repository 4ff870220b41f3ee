package io.envforge.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The environment's own image registry, created by stage 1 ({@code terraform/modules/<cloud>/registry}): its host
 * and the repositories the pipeline copies the pinned images into, so that nodes in private subnets pull nothing from
 * the internet. The Terraform root checks that the registry it creates answers to {@link #host}.
 *
 * @param host AWS {@code <account>.dkr.ecr.<region>.amazonaws.com} (null when the platform names no account), Azure
 *     {@code <registry>.azurecr.io}
 * @param prefix the repositories' common path: AWS {@code envforge-<env>/} (one registry per account and region,
 *     shared by the environments), Azure empty (a registry of its own)
 * @param azureName Azure: the registry's resource name ({@link CloudNames#registry}); null on AWS
 * @param images the repositories below {@link #prefix}: the two layers' images, the preparation Job's runner and the
 *     controllers' images
 */
public record Registry(String host, String prefix, String azureName, List<String> images) {

    /** The preparation Job's image (an Ansible runner), as a repository below {@link #prefix}. */
    public static final String PREPARATION_IMAGE = "ansible-runner";

    /**
     * The in-cluster controllers' images (Flux with source-watcher, External Secrets), as repositories below
     * {@link #prefix}: with private endpoints only, their upstream registries (ghcr.io) are out of reach.
     */
    public static final List<String> CONTROLLER_IMAGES = List.of(
            "fluxcd/source-controller",
            "fluxcd/kustomize-controller",
            "fluxcd/helm-controller",
            "fluxcd/notification-controller",
            "fluxcd/source-watcher",
            "external-secrets/external-secrets");

    public Registry {
        images = List.copyOf(images);
    }

    public static Registry of(Environment env) {
        List<String> images = new ArrayList<>();
        for (Layer layer : env.layers()) {
            String repository = layer.image().repository();
            images.add(repository.substring(repository.lastIndexOf('/') + 1));
        }
        images.add(PREPARATION_IMAGE);
        images.addAll(CONTROLLER_IMAGES);
        if (env.cloud() == Cloud.AWS) {
            String account = env.account().awsAccountId();
            String host = account == null ? null : account + ".dkr.ecr." + env.region() + ".amazonaws.com";
            return new Registry(host, env.names().prefix() + "/", null, images);
        }
        String name = env.names().registry();
        return new Registry(name + ".azurecr.io", "", name, images);
    }

    /** The full repository of an image: {@code <host>/<prefix><image>}. */
    public String repository(String image) {
        return host + "/" + prefix + image;
    }
}
