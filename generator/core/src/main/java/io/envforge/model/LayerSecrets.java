package io.envforge.model;

/**
 * A layer's secrets in the secret store besides its database credentials, and the rotation counter of each secret
 * ({@code spec.secrets.rotation.<layer>.*}, {@code spec.secrets.encryptionKey.<layer>}; default 1). Each value the
 * product reads lives in a secret of its own, so that raising one counter rewrites that secret only: a write-only
 * value is re-sent when its version changes, and a secret version is always written whole.
 *
 * @param remoteKeystoreSecret the secret store key holding {@code keystore-password}
 * @param remoteEncryptionSecret the secret store key holding {@code encryption-key}
 * @param databaseVersion rotation counter of the database user's password
 * @param adminVersion rotation counter of the product admin password
 * @param keystoreVersion rotation counter of the keystore password
 * @param encryptionKeyVersion generation of the encryption key: a new one orphans everything encrypted with the old
 */
public record LayerSecrets(
        String remoteKeystoreSecret,
        String remoteEncryptionSecret,
        int databaseVersion,
        int adminVersion,
        int keystoreVersion,
        int encryptionKeyVersion) {

    public LayerSecrets {
        Checks.notBlank("secrets.keystore", remoteKeystoreSecret);
        Checks.notBlank("secrets.encryption", remoteEncryptionSecret);
        Checks.atLeast("secrets.rotation.database", databaseVersion, 1);
        Checks.atLeast("secrets.rotation.admin", adminVersion, 1);
        Checks.atLeast("secrets.rotation.keystore", keystoreVersion, 1);
        Checks.atLeast("secrets.encryptionKey", encryptionKeyVersion, 1);
    }
}
