package io.questline.shared.security;

import java.util.Collection;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * An authenticated request: the checked token and the user it belongs to. Controllers
 * take the user with {@code @AuthenticationPrincipal AuthenticatedUser user}.
 */
public class UserAuthentication extends AbstractAuthenticationToken {

	private final AuthenticatedUser user;

	private final transient Jwt token;

	public UserAuthentication(AuthenticatedUser user, Jwt token, Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.user = user;
		this.token = token;
		setAuthenticated(true);
	}

	@Override
	public AuthenticatedUser getPrincipal() {
		return this.user;
	}

	@Override
	public Jwt getCredentials() {
		return this.token;
	}

	@Override
	public String getName() {
		return this.user.id().toString();
	}

}
