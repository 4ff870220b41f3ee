package io.envforge.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J provider of core's tests (registered in {@code META-INF/services}, left out of the test jar): it keeps
 * the warnings and errors the libraries log (the JSON-schema validator, JGit), which Maven would print to a user, so
 * a test can assert there are none; everything else is dropped, as with no provider.
 */
public final class RecordingLogs implements SLF4JServiceProvider {

    private static final List<String> WARNINGS = new CopyOnWriteArrayList<>();
    private static final int LIMIT = 10_000;

    private final ILoggerFactory loggers = Recorder::new;
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new BasicMDCAdapter();

    /** The warnings and errors logged so far, as {@code WARN logger: message}. */
    public static List<String> warnings() {
        return List.copyOf(WARNINGS);
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {}

    private static final class Recorder extends LegacyAbstractLogger {

        Recorder(String name) {
            this.name = name;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(
                Level level, Marker marker, String message, Object[] arguments, Throwable throwable) {
            if (WARNINGS.size() < LIMIT) {
                WARNINGS.add(level + " " + name + ": " + MessageFormatter.basicArrayFormat(message, arguments));
            }
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public boolean isInfoEnabled() {
            return false;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }
    }
}
