package io.envforge.model;

/**
 * The operating-system account a product image runs as. The charts run the pods with these ids
 * ({@code securityContext.runAsUser/runAsGroup}), so folders on the NFS share must belong to them: NFS stores only the
 * numbers. The two WSO2 images use the same names with different numbers.
 *
 * @param user the user's name in the image
 * @param uid the user's id
 * @param group the primary group's name in the image
 * @param gid the primary group's id
 */
public record ProductAccount(String user, int uid, String group, int gid) {

    /**
     * {@code wso2carbon:wso2} (10001:10001) of the {@code wso2/wso2am} 4.3 images: {@code ARG USER_ID=10001},
     * {@code USER_GROUP_ID=10001} in wso2/docker-apim v4.3.0.x {@code dockerfiles/ubuntu/apim/Dockerfile}.
     */
    public static final ProductAccount API_MANAGER = new ProductAccount("wso2carbon", 10001, "wso2", 10001);

    /**
     * {@code wso2carbon:wso2} (802:802) of the {@code wso2/wso2mi} 4.3 images: {@code ARG USER_ID=802},
     * {@code USER_GROUP_ID=802} in wso2/docker-ei v4.3.0.x {@code dockerfiles/ubuntu/micro-integrator/Dockerfile}.
     */
    public static final ProductAccount MICRO_INTEGRATOR = new ProductAccount("wso2carbon", 802, "wso2", 802);

    public ProductAccount {
        Checks.notBlank("account.user", user);
        Checks.notBlank("account.group", group);
        Checks.atLeast("account.uid", uid, 1);
        Checks.atLeast("account.gid", gid, 1);
    }
}
