package io.envforge.model;

import java.util.List;

/**
 * The API layer's entry point as on-prem clients reach it: the internal load balancer's listener ports. The chart's
 * internal load balancer Service ({@code charts/api-gateway/templates/_helpers.tpl}, {@code api-gateway.internalLbSpec})
 * listens on {@code internalLoadBalancer.gatewayPort} (to the gateway's HTTPS port 8243), on 8099 (the gateway's secure
 * WebSocket inbound endpoint) and on 9443 (the portals' servlet HTTPS port); the cloud firewall in front of it (AWS
 * security group, Azure NSG rules) admits exactly these.
 */
public final class ApiEntry {

    /** The gateway's port on the load balancer; the chart value {@code internalLoadBalancer.gatewayPort}. */
    public static final int GATEWAY_PORT = 443;
    /** The gateway's secure WebSocket port (wss_endpoint), the same on the load balancer and the pods. */
    public static final int WEBSOCKET_PORT = 8099;
    /** The portals' (servlet HTTPS) port on the load balancer, fixed in the chart's internal load balancer spec. */
    public static final int PORTAL_PORT = 9443;

    private ApiEntry() {}

    /** The listener ports, ascending. */
    public static List<Integer> ports() {
        return List.of(GATEWAY_PORT, WEBSOCKET_PORT, PORTAL_PORT);
    }
}
