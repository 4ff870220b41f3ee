package io.envforge.model;

/**
 * The shared NFS file system (EFS / Azure Files NFS) and how the cluster mounts it.
 *
 * @param sizeGi the PersistentVolume's capacity
 * @param host the stable private DNS name Terraform points at the file system
 * @param path the exported path
 * @param volumeName the cluster-scoped PersistentVolume's name, unique per environment
 * @param claimName the claim both layers mount
 */
public record Nfs(int sizeGi, String host, String path, String volumeName, String claimName) {

    public Nfs {
        Checks.atLeast("nfs.size", sizeGi, 1);
        Checks.notBlank("nfs.host", host);
        Checks.notBlank("nfs.path", path);
    }
}
