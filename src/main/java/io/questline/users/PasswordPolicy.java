package io.questline.users;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import io.questline.shared.web.InvalidRequestException;

import org.springframework.stereotype.Component;

/**
 * What a new password must be: 12 to 128 characters, and not one that attackers try first
 * (a common password, a common password dressed with digits or symbols, a repeated short
 * pattern, a run such as {@code 123456789012}, or the account's own email or name).
 */
@Component
class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	private static final String RESOURCE = "/io/questline/users/common-passwords.txt";

	// Rows, the whole keyboard read row by row, columns read top-down, and the alphabet.
	private static final String[] KEYBOARD_ROWS = { "1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm",
			"qwertyuiopasdfghjklzxcvbnm", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p", "abcdefghijklmnopqrstuvwxyz" };

	private final Set<String> common;

	PasswordPolicy() {
		this.common = load();
	}

	/**
	 * Checks a password chosen at registration.
	 * @param password the password
	 * @param email the account's email
	 * @param displayName the account's display name
	 * @throws InvalidRequestException on field {@code password} when it is refused
	 */
	void check(String password, String email, String displayName) {
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH || length > MAX_LENGTH) {
			throw new InvalidRequestException("password",
					"must be between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters");
		}
		if (isGuessable(password, email, displayName)) {
			throw new InvalidRequestException("password", "is too common or too easy to guess; choose another");
		}
	}

	boolean isGuessable(String password, String email, String displayName) {
		String lower = password.toLowerCase(Locale.ROOT);
		if (this.common.contains(lower)) {
			return true;
		}
		String core = core(lower);
		if (core.length() >= 4 && this.common.contains(core)) {
			return true;
		}
		if (isRepetition(lower) || isRun(lower) || isRun(core)) {
			return true;
		}
		String localPart = (email != null) ? email.toLowerCase(Locale.ROOT).split("@", 2)[0] : "";
		String name = (displayName != null) ? displayName.toLowerCase(Locale.ROOT).replace(" ", "") : "";
		return core.equals(localPart) || core.equals(name) || lower.equals(email) || core.replace(" ", "").equals(name);
	}

	int size() {
		return this.common.size();
	}

	/** The password without leading and trailing digits, symbols and spaces. */
	private static String core(String password) {
		int start = 0;
		int end = password.length();
		while (start < end && !Character.isLetter(password.charAt(start))) {
			start++;
		}
		while (end > start && !Character.isLetter(password.charAt(end - 1))) {
			end--;
		}
		return password.substring(start, end);
	}

	/** One unit of 1-4 characters, or a common password, said again and again. */
	private boolean isRepetition(String password) {
		int length = password.length();
		for (int unit = 1; unit <= length / 2; unit++) {
			if (length % unit != 0) {
				continue;
			}
			String head = password.substring(0, unit);
			if (head.repeat(length / unit).equals(password) && (unit <= 4 || this.common.contains(head))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A walk along the alphabet, the digits or a keyboard row, either way, wrapping
	 * round.
	 */
	private static boolean isRun(String password) {
		if (password.length() < 4) {
			return false;
		}
		for (String row : KEYBOARD_ROWS) {
			String twice = row + row;
			String reversed = new StringBuilder(twice).reverse().toString();
			if (twice.contains(password) || reversed.contains(password)
					|| (password.length() > twice.length() && isRunOf(password, row))) {
				return true;
			}
		}
		return false;
	}

	private static boolean isRunOf(String password, String row) {
		int step = Math.floorMod(row.indexOf(password.charAt(1)) - row.indexOf(password.charAt(0)), row.length());
		if (step != 1 && step != row.length() - 1) {
			return false;
		}
		for (int i = 1; i < password.length(); i++) {
			int previous = row.indexOf(password.charAt(i - 1));
			int current = row.indexOf(password.charAt(i));
			if (previous < 0 || current < 0 || Math.floorMod(current - previous, row.length()) != step) {
				return false;
			}
		}
		return true;
	}

	private static Set<String> load() {
		Set<String> passwords = new HashSet<>();
		try (InputStream in = PasswordPolicy.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Missing resource " + RESOURCE);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				String entry = line.trim();
				if (!entry.isEmpty() && !entry.startsWith("#")) {
					passwords.add(entry.toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(passwords);
	}

}
