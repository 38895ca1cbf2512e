package io.questline.users;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password hashing with Argon2id (m = 19 MiB, t = 2, p = 1: the OWASP minimum), through
 * Spring Security's encoder.
 */
@Component
class Passwords {

	private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);

	// Checked against when the email is unknown, so that an unknown email costs the same
	// time as a wrong password and timing does not tell which accounts exist.
	private final String dummyHash = this.encoder.encode("questline-no-such-account-password");

	String hash(String password) {
		return this.encoder.encode(password);
	}

	boolean matches(String password, String hash) {
		return this.encoder.matches(password, hash);
	}

	/**
	 * Spends the time of a check when there is no account to check against.
	 */
	void matchNothing(String password) {
		this.encoder.matches(password, this.dummyHash);
	}

}
