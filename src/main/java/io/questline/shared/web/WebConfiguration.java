package io.questline.shared.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.core.StandardHost;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Web details that keep input strict and errors uniform: query booleans are {@code true}
 * or {@code false} only (not Spring's lenient {@code yes}, {@code on}, {@code 1}), and
 * even the errors Tomcat answers by itself, before the application sees a request (a
 * request line too long, a broken escape), are problem responses.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
		return (factory) -> factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			}
		});
	}

	/**
	 * Tomcat's own error page, as a problem response without any server detail.
	 */
	public static class ProblemErrorReportValve extends ErrorReportValve {

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			String code = Problems.codeFor(status);
			String body = "{\"type\":\"https://questline.io/problems/" + code.toLowerCase().replace('_', '-')
					+ "\",\"title\":\"Error\",\"status\":" + status
					+ ",\"detail\":\"The request could not be processed.\",\"code\":\"" + code + "\"}";
			try {
				response.setContentType("application/problem+json");
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(body);
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// The client is gone or the response was taken over: nothing more to say.
			}
		}

	}

}
