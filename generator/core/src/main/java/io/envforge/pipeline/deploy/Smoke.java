package io.envforge.pipeline.deploy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The two fixed API addresses answer: a TCP connection to each address (stage 1's output {@code api_addresses}, the
 * internal load balancer's fixed private IPs) on each API port, retried until the deadline while the load balancer is
 * still being provisioned. The ports are the load balancer's listeners: 443 for the gateway
 * ({@code internalLoadBalancer.gatewayPort} in charts/api-gateway/values.yaml) and 9443 for the portals (same file,
 * {@code portalHostname}). The runner must reach the environment's private network (on-prem runner).
 */
final class Smoke {

    private Smoke() {}

    /** Connects to every address:port; returns one line per endpoint, or throws naming those that never answered. */
    static List<String> check(
            String env, List<String> addresses, List<Integer> ports, Duration timeout, java.nio.file.Path log) {
        if (addresses.isEmpty()) {
            throw new StepFailedException(env, "smoke", "stage 1 has no api_addresses output", log);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> answered = new ArrayList<>();
        List<String> silent = new ArrayList<>();
        for (String address : addresses) {
            for (int port : ports) {
                long start = System.nanoTime();
                if (connects(address, port, deadline)) {
                    answered.add(
                            address + ":" + port + " answered in " + (System.nanoTime() - start) / 1_000_000 + " ms");
                } else {
                    silent.add(address + ":" + port);
                }
            }
        }
        if (!silent.isEmpty()) {
            throw new StepFailedException(
                    env,
                    "smoke",
                    "no answer within " + timeout.toSeconds() + " s from " + String.join(", ", silent),
                    log);
        }
        return answered;
    }

    private static boolean connects(String address, int port, long deadline) {
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(address, port), 3_000);
                return true;
            } catch (IOException e) {
                if (System.nanoTime() >= deadline) {
                    return false;
                }
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }
}
