package io.envforge.charts;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;

/**
 * A small JVM for {@link ApiMetricsTest}: it registers, under the name Synapse gives it, an MBean with the attributes of
 * Synapse's pass-through transport view (org.apache.synapse.transport.passthru.jmx.TransportViewMBean,
 * wso2/wso2-synapse), then waits to be scraped. The JMX exporter agent runs in it as it runs in API Manager's JVM.
 */
public final class MetricsTarget {

    /** The attributes the chart's rules read, as TransportViewMBean declares them. */
    public interface TransportViewMBean {
        long getMessagesReceived();

        long getFaultsReceiving();

        long getBytesReceived();

        int getActiveThreadCount();

        int getQueueSize();
    }

    /** Fixed counts, so the test can find them in the scrape. */
    public static final class TransportView implements TransportViewMBean {
        @Override
        public long getMessagesReceived() {
            return 42;
        }

        @Override
        public long getFaultsReceiving() {
            return 3;
        }

        @Override
        public long getBytesReceived() {
            return 4096;
        }

        @Override
        public int getActiveThreadCount() {
            return 7;
        }

        @Override
        public int getQueueSize() {
            return 0;
        }
    }

    private MetricsTarget() {}

    public static void main(String[] args) throws Exception {
        // MBeanRegistrar (synapse-commons): "org.apache.synapse:Type=" + category + ",Name=" + id; the pass-through
        // listener's id is "passthru-" + scheme + "-receiver".
        ManagementFactory.getPlatformMBeanServer()
                .registerMBean(
                        new TransportView(),
                        new ObjectName("org.apache.synapse:Type=Transport,Name=passthru-https-receiver"));
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.parseLong(args[0]));
    }
}
