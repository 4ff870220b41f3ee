package io.envforge.render.kustomize;

import static io.envforge.render.Yaml.map;

import io.envforge.model.Environment;
import java.util.Map;

/**
 * Azure: the settings ConfigMap of AKS's managed Prometheus add-on, so that it scrapes both layers' annotated pods
 * (prometheus.io/scrape, port, path). The add-on's collector (Deployment {@code ama-metrics} in kube-system, pods
 * labelled {@code rsName: ama-metrics}) mounts the optional ConfigMap {@code ama-metrics-settings-configmap} of
 * kube-system (Azure/prometheus-collector otelcollector/deploy/addon-chart/azure-monitor-metrics-addon/templates/
 * ama-metrics-deployment.yaml). Its key {@code pod-annotation-based-scraping} with {@code podannotationnamespaceregex}
 * turns annotation-based scraping on for the namespaces the regex matches, none by default; {@code schema-version}
 * {@code v1} is the only one the agent accepts ("Customize collection of Prometheus metrics from your Kubernetes
 * cluster using ConfigMap", Azure Monitor docs; the repository's otelcollector/configmaps/
 * ama-metrics-settings-configmap.yaml). The regex is used in a Prometheus relabel rule, which anchors it, so the
 * environment's namespace alone is matched. Sections left out keep the agent's defaults.
 */
final class MetricsSettings {

    static final String FILE = "metrics-settings.yaml";
    static final String NAME = "ama-metrics-settings-configmap";

    private MetricsSettings() {}

    static Map<String, Object> configMap(Environment env) {
        return map(
                "apiVersion",
                "v1",
                "kind",
                "ConfigMap",
                "metadata",
                map("name", NAME, "namespace", "kube-system"),
                "data",
                map(
                        "schema-version",
                        "v1",
                        "config-version",
                        "envforge",
                        "pod-annotation-based-scraping",
                        "podannotationnamespaceregex = \"" + env.namespace() + "\""));
    }
}
