package io.envforge.model;

/**
 * The operating-system account a product image runs as. The charts run the pods with these ids
 * ({@code securityContext.runAsUser/runAsGroup}), so folders on the NFS share must belong to them: NFS stores only the
 * numbers.
 *
 * @param user the user's name in the image
 * @param uid the user's id
 * @param group the primary group's name in the image
 * @param gid the primary group's id
 */
public record ProductAccount(String user, int uid, String group, int gid) {

    /** {@code wso2carbon:wso2} (802:802) of the WSO2 API Manager and Micro Integrator images. */
    public static final ProductAccount WSO2 = new ProductAccount("wso2carbon", 802, "wso2", 802);

    public ProductAccount {
        Checks.notBlank("account.user", user);
        Checks.notBlank("account.group", group);
        Checks.atLeast("account.uid", uid, 1);
        Checks.atLeast("account.gid", gid, 1);
    }
}
