package io.questline.shared.security;

/**
 * The authorities a request can hold. They come from the database, never from the token.
 */
public final class Roles {

	public static final String USER = "ROLE_USER";

	public static final String ADMIN = "ROLE_ADMIN";

	/** Held alone by a banned user: authenticated, but allowed nowhere. */
	public static final String BANNED = "ROLE_BANNED";

	private Roles() {
	}

}
