package io.questline.support;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Keeps every log line and every HTTP response the whole test run produces, so that one
 * test at the end can prove no secret ever left the server. Registered for all tests
 * through {@code META-INF/services}; {@link Api} adds the responses it receives.
 */
public class TrafficRecorder implements BeforeAllCallback {

	private static final String APPENDER = "traffic-recorder";

	private static final ConcurrentLinkedQueue<String> logs = new ConcurrentLinkedQueue<>();

	private static final ConcurrentLinkedQueue<String> responses = new ConcurrentLinkedQueue<>();

	private static final AtomicLong dropped = new AtomicLong();

	private static final int MAX_RECORDS = 500_000;

	@Override
	public void beforeAll(ExtensionContext context) {
		install();
	}

	/**
	 * Attaches the recording appender to the root logger, again if Spring Boot's logging
	 * initialisation (at each context start) removed it.
	 */
	static void install() {
		LoggerContext loggers = (LoggerContext) LoggerFactory.getILoggerFactory();
		Logger root = loggers.getLogger(Logger.ROOT_LOGGER_NAME);
		if (root.getAppender(APPENDER) != null) {
			return;
		}
		synchronized (TrafficRecorder.class) {
			if (root.getAppender(APPENDER) == null) {
				AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {

					@Override
					protected void append(ILoggingEvent event) {
						String line = event.getFormattedMessage();
						if (event.getThrowableProxy() != null) {
							line = line + "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
						}
						record(logs, line + " " + event.getMDCPropertyMap());
					}

				};
				appender.setName(APPENDER);
				appender.setContext(loggers);
				appender.start();
				root.addAppender(appender);
			}
		}
	}

	static void recordResponse(String response) {
		record(responses, response);
	}

	private static void record(ConcurrentLinkedQueue<String> queue, String line) {
		if (logs.size() + responses.size() < MAX_RECORDS) {
			queue.add(line);
		}
		else {
			dropped.incrementAndGet();
		}
	}

	public static List<String> logs() {
		return List.copyOf(logs);
	}

	public static List<String> responses() {
		return List.copyOf(responses);
	}

	public static long dropped() {
		return dropped.get();
	}

}
