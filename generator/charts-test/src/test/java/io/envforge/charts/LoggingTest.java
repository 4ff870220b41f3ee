package io.envforge.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.properties.PropertiesConfigurationFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * API Manager's access logs and analytics events reach the container's stdout, where the cluster's log agent ships
 * them to the cloud's log service. The chart's route-logs.sh runs (with /bin/sh, as the init container does) on a
 * product home holding the lines of API Manager 4.3.0's log4j2.properties it edits; the result is loaded by log4j2
 * itself, and events are logged on the products' own logger names.
 */
class LoggingTest {

    /**
     * The lines of wso2/product-apim v4.3.0 modules/distribution/product/src/main/conf/log4j2.properties that decide
     * where the analytics events and the access loggers go (lines 3, 7-10, 184-197, 203, 210-213, 246-247, 415-416,
     * 446-447), with the appender and logger lists cut to the entries defined here.
     */
    private static final String STOCK_LOG4J2 = """
            appenders=CARBON_CONSOLE, APIM_METRICS_APPENDER
            appender.CARBON_CONSOLE.type = Console
            appender.CARBON_CONSOLE.name = CARBON_CONSOLE
            appender.CARBON_CONSOLE.layout.type = PatternLayout
            appender.CARBON_CONSOLE.layout.pattern = [%d{DEFAULT}] %5p - %c{1} %m%n
            appender.APIM_METRICS_APPENDER.type = RollingFile
            appender.APIM_METRICS_APPENDER.name = APIM_METRICS_APPENDER
            appender.APIM_METRICS_APPENDER.fileName = ${sys:carbon.home}/repository/logs/apim_metrics.log
            appender.APIM_METRICS_APPENDER.filePattern = ${sys:carbon.home}/repository/logs/apim_metrics-%d{MM-dd-yyyy}-%i.log
            appender.APIM_METRICS_APPENDER.layout.type = PatternLayout
            appender.APIM_METRICS_APPENDER.layout.pattern = %d{HH:mm:ss,SSS} [%X{ip}-%X{host}] [%t] %5p %c{1} %m%n
            appender.APIM_METRICS_APPENDER.policies.type = Policies
            appender.APIM_METRICS_APPENDER.policies.time.type = TimeBasedTriggeringPolicy
            appender.APIM_METRICS_APPENDER.policies.time.interval = 1
            appender.APIM_METRICS_APPENDER.policies.time.modulate = true
            appender.APIM_METRICS_APPENDER.policies.size.type = SizeBasedTriggeringPolicy
            appender.APIM_METRICS_APPENDER.policies.size.size=1000MB
            appender.APIM_METRICS_APPENDER.strategy.type = DefaultRolloverStrategy
            appender.APIM_METRICS_APPENDER.strategy.max = 10
            loggers = reporter, org-apache-catalina, synapse_transport
            logger.reporter.name = org.wso2.am.analytics.publisher.reporter.elk
            logger.reporter.level = INFO
            logger.reporter.additivity = false
            logger.reporter.appenderRef.APIM_METRICS_APPENDER.ref = APIM_METRICS_APPENDER
            logger.org-apache-catalina.name = org.apache.catalina
            logger.org-apache-catalina.level = ERROR
            logger.synapse_transport.name = org.apache.synapse.transport
            logger.synapse_transport.level = INFO
            rootLogger.level = ERROR
            rootLogger.appenderRef.CARBON_CONSOLE.ref = CARBON_CONSOLE
            """;

    /** An analytics event as ELKCounterMetric logs it: "apimMetrics: " + metric name + ", properties :" + JSON. */
    private static final String EVENT = "apimMetrics: apim:response, properties :{\"apiName\":\"PizzaShackAPI\","
            + "\"applicationName\":\"DefaultApplication\",\"proxyResponseCode\":200}";

    private static final String ACCESS = "10.0.0.7 - - [26/Nov/2026:11:00:00 +0000] \"GET /devportal HTTP/1.1\" 200";
    private static final String PRODUCT_HOME = "/home/wso2carbon/wso2am-4.3.0";

    @TempDir
    Path temp;

    @Test
    void analyticsEventsAndServletAccessLogGoToStdoutThroughLog4j2() throws Exception {
        Path runtime = runtimeWith(STOCK_LOG4J2);
        assertEquals(
                "",
                runScript(script(Scenario.named("api-gateway", "defaults")), runtime)
                        .error());

        String stdout = logThrough(runtime.resolve("repository/conf/log4j2.properties"), runtime);
        // APIM_METRICS_APPENDER's own layout (%5p %c{1} %m), the line WSO2's Filebeat/Logstash pipeline parses
        assertTrue(stdout.lines().anyMatch(l -> l.endsWith(" INFO ELKCounterMetric " + EVENT)), stdout);
        assertTrue(stdout.lines().anyMatch(l -> l.endsWith("HTTP_ACCESS " + ACCESS)), stdout);
        assertFalse(Files.exists(runtime.resolve("repository/logs/apim_metrics.log")), "no apim_metrics.log file");
    }

    @Test
    void withoutTheScriptTheStockFileKeepsBothInFilesOrDropsThem() throws Exception {
        Path runtime = runtimeWith(STOCK_LOG4J2);
        String stdout = logThrough(runtime.resolve("repository/conf/log4j2.properties"), runtime);
        assertFalse(stdout.contains(EVENT), stdout);
        assertFalse(stdout.contains(ACCESS), stdout);
    }

    @Test
    void gatewayAccessLogFileIsTheContainersStdoutAndIsNeverRenamed() throws Exception {
        Path runtime = runtimeWith(STOCK_LOG4J2);
        runScript(script(Scenario.named("api-gateway", "defaults")), runtime);
        Path file = runtime.resolve("repository/logs/http_access_.log");
        assertTrue(Files.isSymbolicLink(file), "synapse's AccessLogger file must be a link to stdout");
        assertEquals(Path.of("/dev/stdout"), Files.readSymbolicLink(file));
        List<String> props = Files.readAllLines(runtime.resolve("repository/conf/access-log.properties"));
        // AccessLogger: <access_log_directory>/<prefix><suffix>, renamed daily unless nhttp.is.log.rotatable=false.
        assertTrue(props.contains("access_log_directory=" + PRODUCT_HOME + "/repository/logs"), props.toString());
        assertTrue(props.contains("access_log_prefix=http_access_") && props.contains("access_log_suffix=.log"));
        assertTrue(props.contains("nhttp.is.log.rotatable=false"), props.toString());
        // The directory is where the api-manager container mounts the runtime volume the init container wrote.
        Map<String, Object> container = apiManager(Rendered.of(Scenario.named("api-gateway", "defaults")));
        assertTrue(
                Yaml.list(container, "volumeMounts").stream()
                        .anyMatch(m -> "runtime".equals(m.get("name")) && PRODUCT_HOME.equals(m.get("mountPath"))),
                container.toString());
    }

    @Test
    void scriptRefusesALog4j2FileItDoesNotKnow() throws Exception {
        Path runtime = runtimeWith("rootLogger.level = INFO\n");
        Result r = runScript(script(Scenario.named("api-gateway", "defaults")), runtime);
        assertEquals(1, r.code());
        assertTrue(r.error().contains("not API Manager 4.3's log4j2.properties"), r.error());
    }

    @Test
    void everyPeerTurnsOnTheElkPublisherAndTheLoggerAccessValve() {
        Scenario ha = Scenario.named("api-gateway", "ha");
        Map<String, Object> data = Yaml.map(Rendered.of(ha).one("ConfigMap", ha.release() + "-config"), "data");
        for (Map.Entry<String, Object> e : data.entrySet()) {
            if (e.getKey().endsWith(".toml")) {
                String toml = e.getValue().toString();
                assertTrue(toml.contains("\n[apim.analytics]\nenable = true\ntype = \"elk\"\n"), e.getKey());
                assertTrue(toml.contains("\n[http_access_log]\nuseLogger = true"), e.getKey());
            }
        }
    }

    @Test
    void initContainerRunsTheScriptAfterCopyingTheProductHome() {
        Rendered r = Rendered.of(Scenario.named("api-gateway", "defaults"));
        Map<String, Object> init = Yaml.list(r.one("StatefulSet", "api-gateway"), "spec.template.spec.initContainers")
                .get(0);
        @SuppressWarnings("unchecked")
        String command = String.join("\n", (List<String>) Yaml.get(init, "command"));
        int copy = command.indexOf("cp -a ");
        int route = command.indexOf("sh /config/route-logs.sh /runtime");
        assertTrue(copy >= 0 && route > copy, command);
        assertTrue(Yaml.list(init, "volumeMounts").stream().anyMatch(m -> "/config".equals(m.get("mountPath"))));
    }

    @Test
    void turnedOffNothingIsEdited() {
        Rendered r = Rendered.render(
                Scenario.named("api-gateway", "defaults"),
                c -> c.set("logging.accessLog", "false").set("logging.analytics", "false"));
        Map<String, Object> data = Yaml.map(r.one("ConfigMap", "api-gateway-config"), "data");
        assertFalse(data.containsKey("route-logs.sh"));
        assertFalse(r.text().contains("[apim.analytics]") || r.text().contains("route-logs.sh"));
    }

    private static Map<String, Object> apiManager(Rendered r) {
        return Yaml.list(r.one("StatefulSet", "api-gateway"), "spec.template.spec.containers")
                .get(0);
    }

    private static String script(Scenario s) {
        return Yaml.map(Rendered.of(s).one("ConfigMap", s.release() + "-config"), "data")
                .get("route-logs.sh")
                .toString();
    }

    private Path runtimeWith(String log4j2) throws IOException {
        Path runtime = Files.createDirectories(temp.resolve("runtime"));
        Files.createDirectories(runtime.resolve("repository/conf"));
        Files.writeString(runtime.resolve("repository/conf/log4j2.properties"), log4j2);
        return runtime;
    }

    record Result(int code, String error) {}

    private Result runScript(String script, Path runtime) throws Exception {
        Path file = temp.resolve("route-logs.sh");
        Files.writeString(file, script);
        Process p = new ProcessBuilder("/bin/sh", file.toString(), runtime.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String err;
        try (InputStream in = p.getErrorStream()) {
            err = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new Result(p.exitValue(), err);
    }

    /**
     * Loads {@code conf} with log4j2's own properties configuration (what API Manager's pax-logging does with
     * repository/conf/log4j2.properties) and logs one analytics event and one servlet access line on the loggers the
     * product uses; returns what reached System.out.
     */
    private static String logThrough(Path conf, Path carbonHome) throws IOException {
        String previousHome = System.getProperty("carbon.home");
        System.setProperty("carbon.home", carbonHome.toString());
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        LoggerContext context = new LoggerContext("api-manager");
        try (InputStream in = Files.newInputStream(conf)) {
            Configuration config = new PropertiesConfigurationFactory()
                    .getConfiguration(context, new ConfigurationSource(in, conf.toFile()));
            context.start(config);
            // ELKCounterMetric (wso2/apim-analytics-publisher) logs the event on its class's logger, a child of
            // logger.reporter's org.wso2.am.analytics.publisher.reporter.elk.
            context.getLogger("org.wso2.am.analytics.publisher.reporter.elk.ELKCounterMetric")
                    .info(EVENT);
            context.getLogger("HTTP_ACCESS").info(ACCESS);
            // synapse's LoggingNHttpServerConnection hands the line to AccessLogger only when this is INFO-enabled
            assertTrue(context.getLogger("org.apache.synapse.transport.http.access")
                    .isInfoEnabled());
        } finally {
            context.stop();
            System.setOut(original);
            if (previousHome == null) {
                System.clearProperty("carbon.home");
            } else {
                System.setProperty("carbon.home", previousHome);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
