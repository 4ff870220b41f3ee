package io.envforge.render.kustomize;

import io.envforge.network.Cidr;
import java.util.List;
import java.util.Map;

/**
 * Whether Kubernetes NetworkPolicies let a connection through, by the API's documented semantics (no CNI can run
 * here): a pod selected by no policy of a direction is open in it; otherwise a connection passes when any rule of any
 * selecting policy of that direction matches its peer (an {@code ipBlock} containing the address and not excluded) and
 * its port ({@code ports} absent: every port; {@code port}..{@code endPort}, TCP by default). Pod and namespace
 * selectors never match an address outside the cluster, which is all these tests ask about.
 * Source: kubernetes.io/docs/concepts/services-networking/network-policies/ and {@code k8s.io/api/networking/v1}.
 */
final class NetworkPolicyModel {

    private NetworkPolicyModel() {}

    /** May {@code address} open a TCP connection to {@code port} of a pod labelled {@code pod}? */
    static boolean ingressAllowed(
            List<Map<String, Object>> objects, Map<String, Object> pod, String address, int port) {
        return allowed(objects, pod, "Ingress", "ingress", "from", address, port);
    }

    /** May a pod labelled {@code pod} open a TCP connection to {@code address}:{@code port}? */
    static boolean egressAllowed(List<Map<String, Object>> objects, Map<String, Object> pod, String address, int port) {
        return allowed(objects, pod, "Egress", "egress", "to", address, port);
    }

    @SuppressWarnings("unchecked")
    private static boolean allowed(
            List<Map<String, Object>> objects,
            Map<String, Object> pod,
            String type,
            String rulesKey,
            String peersKey,
            String address,
            int port) {
        boolean isolated = false;
        for (Map<String, Object> o : objects) {
            if (!"NetworkPolicy".equals(o.get("kind"))) {
                continue;
            }
            Map<String, Object> spec = (Map<String, Object>) o.get("spec");
            Map<String, Object> selector = (Map<String, Object>) spec.get("podSelector");
            Map<String, Object> match =
                    selector == null ? Map.of() : (Map<String, Object>) selector.getOrDefault("matchLabels", Map.of());
            if (!pod.entrySet().containsAll(match.entrySet()) || !types(spec).contains(type)) {
                continue;
            }
            isolated = true;
            for (Map<String, Object> rule : (List<Map<String, Object>>) spec.getOrDefault(rulesKey, List.of())) {
                if (peerMatches(rule.get(peersKey), address) && portMatches(rule.get("ports"), port)) {
                    return true;
                }
            }
        }
        return !isolated;
    }

    @SuppressWarnings("unchecked")
    private static List<String> types(Map<String, Object> spec) {
        Object types = spec.get("policyTypes");
        if (types != null) {
            return (List<String>) types;
        }
        return spec.containsKey("egress") ? List.of("Ingress", "Egress") : List.of("Ingress");
    }

    @SuppressWarnings("unchecked")
    private static boolean peerMatches(Object peers, String address) {
        if (peers == null || ((List<?>) peers).isEmpty()) {
            return true;
        }
        Cidr host = Cidr.parse(address + "/32");
        for (Map<String, Object> peer : (List<Map<String, Object>>) peers) {
            Map<String, Object> block = (Map<String, Object>) peer.get("ipBlock");
            if (block == null) {
                continue;
            }
            boolean inside = Cidr.parse((String) block.get("cidr")).contains(host);
            boolean excluded = ((List<String>) block.getOrDefault("except", List.of()))
                    .stream().anyMatch(e -> Cidr.parse(e).contains(host));
            if (inside && !excluded) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static boolean portMatches(Object ports, int port) {
        if (ports == null || ((List<?>) ports).isEmpty()) {
            return true;
        }
        for (Map<String, Object> p : (List<Map<String, Object>>) ports) {
            if (!"TCP".equals(p.getOrDefault("protocol", "TCP"))) {
                continue;
            }
            Object number = p.get("port");
            if (number == null) {
                return true;
            }
            int from = ((Number) number).intValue();
            int to = p.get("endPort") == null ? from : ((Number) p.get("endPort")).intValue();
            if (port >= from && port <= to) {
                return true;
            }
        }
        return false;
    }
}
