package io.questline.shared.database;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A PostgreSQL URL as Neon prints it
 * ({@code postgresql://user:pass@host/db?sslmode=require}), turned into the JDBC settings
 * pgjdbc and Flyway need.
 *
 * <p>
 * A host whose first label ends in {@code -pooler} is Neon's PgBouncer in transaction
 * mode: then {@link #pooled()} is true and {@link #directJdbcUrl()} names the same host
 * without {@code -pooler}, which is where migrations must run (Flyway holds a session
 * advisory lock).
 *
 * @param jdbcUrl the URL the application's pool connects to
 * @param directJdbcUrl the URL for migrations (the direct host when pooled)
 * @param username the user, never logged with the password
 * @param password the password
 * @param pooled whether the host is a transaction-mode pooler
 */
public record DatabaseUrl(String jdbcUrl, String directJdbcUrl, String username, String password, boolean pooled) {

	private static final String POOLER_SUFFIX = "-pooler";

	@Override
	public String toString() {
		return "DatabaseUrl[" + this.jdbcUrl + ", user=" + this.username + ", pooled=" + this.pooled + "]";
	}

	/**
	 * Parses a {@code postgres://} or {@code postgresql://} URL.
	 * @param url the URL from the environment
	 * @param forcePooled whether {@code DATABASE_POOLER=transaction} was set
	 * @return the JDBC settings
	 * @throws InvalidDatabaseUrlException with a message fit for one line of output
	 */
	public static DatabaseUrl parse(String url, boolean forcePooled) {
		URI uri;
		try {
			uri = new URI(url.trim());
		}
		catch (URISyntaxException ex) {
			throw new InvalidDatabaseUrlException("it is not a URL (" + ex.getReason() + ")");
		}
		String scheme = uri.getScheme();
		if (!"postgresql".equals(scheme) && !"postgres".equals(scheme)) {
			throw new InvalidDatabaseUrlException("the scheme must be postgresql:// or postgres://, not "
					+ (scheme == null ? "none" : scheme + "://"));
		}
		String host = uri.getHost();
		if (host == null || host.isBlank()) {
			throw new InvalidDatabaseUrlException("it names no host");
		}
		String path = uri.getRawPath();
		if (path == null || path.length() <= 1 || path.indexOf('/', 1) >= 0) {
			throw new InvalidDatabaseUrlException("it must name one database, as in postgresql://host/dbname");
		}
		String database = decode(path.substring(1));
		String userInfo = uri.getRawUserInfo();
		if (userInfo == null || userInfo.isEmpty()) {
			throw new InvalidDatabaseUrlException("it names no user (postgresql://user:password@host/dbname)");
		}
		int colon = userInfo.indexOf(':');
		String username = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
		String password = (colon < 0) ? null : decode(userInfo.substring(colon + 1));
		Map<String, String> params = query(uri.getRawQuery());
		String firstLabel = host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
		boolean pooledHost = firstLabel.endsWith(POOLER_SUFFIX);
		boolean pooled = pooledHost || forcePooled;
		if (pooled) {
			// PgBouncer before 1.21 keeps no prepared statements across transactions.
			params.putIfAbsent("prepareThreshold", "0");
		}
		String port = (uri.getPort() > 0) ? ":" + uri.getPort() : "";
		String jdbcUrl = jdbc(host, port, database, params);
		String directHost = pooledHost ? firstLabel.substring(0, firstLabel.length() - POOLER_SUFFIX.length())
				+ host.substring(firstLabel.length()) : host;
		Map<String, String> directParams = new LinkedHashMap<>(params);
		directParams.remove("prepareThreshold");
		String directJdbcUrl = jdbc(directHost, port, database, directParams);
		return new DatabaseUrl(jdbcUrl, directJdbcUrl, username, password, pooled);
	}

	private static String jdbc(String host, String port, String database, Map<String, String> params) {
		String query = params.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.collect(Collectors.joining("&"));
		return "jdbc:postgresql://" + host + port + "/" + database + (query.isEmpty() ? "" : "?" + query);
	}

	private static Map<String, String> query(String rawQuery) {
		Map<String, String> params = new LinkedHashMap<>();
		if (rawQuery == null || rawQuery.isEmpty()) {
			return params;
		}
		for (String pair : rawQuery.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String key = decode((eq < 0) ? pair : pair.substring(0, eq));
			String value = (eq < 0) ? "" : decode(pair.substring(eq + 1));
			if (!key.matches("[A-Za-z][A-Za-z0-9_]*") || !value.matches("[A-Za-z0-9_.\\-/]*")) {
				throw new InvalidDatabaseUrlException("the query parameter '" + key + "' is not a plain setting");
			}
			params.put(key, value);
		}
		return params;
	}

	private static String decode(String value) {
		try {
			return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidDatabaseUrlException("it holds a broken %-escape");
		}
	}

}
