package io.envforge.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What a controller STAND-IN shares: a daemon thread that, once a second until closed, looks at the objects of one
 * namespace ({@link #syncOnce}) and, like the controller after a successful reconcile, writes what it would write
 * and sets the object's {@code Ready} condition to True through the status subresource.
 */
abstract class StatusStandIn implements AutoCloseable {

    private final Thread thread;
    private volatile boolean running = true;

    StatusStandIn(Kubectl kubectl, String namespace, String threadName) {
        thread = new Thread(
                () -> {
                    while (running) {
                        try {
                            syncOnce(
                                    kubectl,
                                    namespace,
                                    Instant.now()
                                            .truncatedTo(ChronoUnit.SECONDS)
                                            .toString());
                        } catch (RuntimeException | AssertionError e) {
                            // the namespace or the CRs may not exist yet: try again
                        }
                        try {
                            Thread.sleep(1000);
                        } catch (InterruptedException e) {
                            return; // closed
                        }
                    }
                },
                threadName + "-" + namespace);
        thread.setDaemon(true);
    }

    /** Starts the loop; called by the subclass's constructor, once the subclass is ready. */
    final void start() {
        thread.start();
    }

    /** One pass over the namespace's objects; {@code now} is the transition time of the conditions it sets. */
    abstract void syncOnce(Kubectl k, String ns, String now);

    /** The objects of {@code resource} (plural.group) in {@code ns}. */
    static Iterable<JsonNode> list(Kubectl k, String resource, String ns) {
        return k.json("get", resource, "-n", ns).path("items");
    }

    /** Sets {@code o}'s Ready condition to True with {@code reason} and {@code message}. */
    static void markReady(
            Kubectl k, String resource, JsonNode o, String ns, String now, String reason, String message) {
        k.ok(
                null,
                "patch",
                resource,
                name(o),
                "-n",
                ns,
                "--subresource=status",
                "--type=merge",
                "-p",
                "{\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\",\"reason\":\"" + reason
                        + "\",\"message\":\"" + message + "\",\"lastTransitionTime\":\"" + now + "\"}]}}");
    }

    /** Applies {@code yaml} server-side as {@code fieldManager}, as the controller would create it. */
    static void apply(Kubectl k, String yaml, String fieldManager) {
        k.ok(yaml, "apply", "--server-side", "--field-manager=" + fieldManager, "-f", "-");
    }

    static String name(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }

    static boolean ready(JsonNode o) {
        for (JsonNode c : o.path("status").path("conditions")) {
            if ("Ready".equals(c.path("type").asText())) {
                return "True".equals(c.path("status").asText());
            }
        }
        return false;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
