package io.questline.users;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.crypto.SecretKey;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.questline.support.Api;
import io.questline.support.IntegrationTest;
import io.questline.support.MutableClock;
import io.questline.support.TestUsers;
import io.questline.support.TestUsers.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forged, stale and altered access tokens are all refused with 401.
 */
@IntegrationTest
class AccessTokenAttackTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	MutableClock clock;

	@Autowired
	SecretKey key;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aValidTokenIsAccepted() throws Exception {
		TestUser user = this.users.create();
		assertThat(status(user.token())).isEqualTo(200);
		assertThat(status(sign(JWSAlgorithm.HS256, this.key.getEncoded(), claims(user.id()).build()))).isEqualTo(200);
	}

	@Test
	void anUnsignedTokenIsRefused() {
		TestUser user = this.users.create();
		String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
		String payload = user.token().split("\\.")[1];
		assertThat(status(header + "." + payload + ".")).isEqualTo(401);
		assertThat(status(header + "." + payload)).isEqualTo(401);
	}

	@Test
	void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
		TestUser user = this.users.create();
		byte[] otherKey = new byte[32];
		new SecureRandom().nextBytes(otherKey);
		assertThat(status(sign(JWSAlgorithm.HS256, otherKey, claims(user.id()).build()))).isEqualTo(401);
	}

	@Test
	void anotherAlgorithmWithTheRightKeyIsRefused() throws Exception {
		TestUser user = this.users.create();
		byte[] longKey = new byte[64];
		System.arraycopy(this.key.getEncoded(), 0, longKey, 0, this.key.getEncoded().length);
		assertThat(status(sign(JWSAlgorithm.HS512, longKey, claims(user.id()).build()))).isEqualTo(401);
	}

	@Test
	void anExpiredTokenIsRefused() {
		TestUser user = this.users.create();
		this.clock.advance(Duration.ofMinutes(15).plusSeconds(31));
		assertThat(status(user.token())).isEqualTo(401);
	}

	@Test
	void aTokenStillWorksJustBeforeItExpires() {
		TestUser user = this.users.create();
		this.clock.advance(Duration.ofMinutes(14));
		assertThat(status(user.token())).isEqualTo(200);
	}

	@Test
	void aTokenForAnotherAudienceIsRefused() throws Exception {
		TestUser user = this.users.create();
		assertThat(status(sign(JWSAlgorithm.HS256, this.key.getEncoded(),
				claims(user.id()).audience(List.of("another-app")).build())))
			.isEqualTo(401);
	}

	@Test
	void aTokenFromAnotherIssuerIsRefused() throws Exception {
		TestUser user = this.users.create();
		assertThat(status(sign(JWSAlgorithm.HS256, this.key.getEncoded(),
				claims(user.id()).issuer("https://evil.example").build())))
			.isEqualTo(401);
	}

	@Test
	void aTokenOfAnotherUseIsRefused() throws Exception {
		TestUser user = this.users.create();
		assertThat(status(sign(JWSAlgorithm.HS256, this.key.getEncoded(),
				claims(user.id()).claim("token_use", "refresh").build())))
			.isEqualTo(401);
	}

	@Test
	void aTokenWithoutExpiryIsRefused() throws Exception {
		TestUser user = this.users.create();
		assertThat(
				status(sign(JWSAlgorithm.HS256, this.key.getEncoded(), claims(user.id()).expirationTime(null).build())))
			.isEqualTo(401);
	}

	@Test
	void aTamperedPayloadIsRefused() {
		TestUser user = this.users.create();
		TestUser victim = this.users.create();
		String[] parts = user.token().split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		String forged = base64(payload.replace(user.id().toString(), victim.id().toString()));
		assertThat(forged).isNotEqualTo(parts[1]);
		assertThat(status(parts[0] + "." + forged + "." + parts[2])).isEqualTo(401);
	}

	@Test
	void aTokenOfAUserWhoDoesNotExistIsRefused() throws Exception {
		assertThat(status(sign(JWSAlgorithm.HS256, this.key.getEncoded(), claims(UUID.randomUUID()).build())))
			.isEqualTo(401);
	}

	@Test
	void noTokenOrGarbageIsRefused() {
		assertThat(this.api.get("/api/user/profile").send().status()).isEqualTo(401);
		assertThat(status("garbage")).isEqualTo(401);
		assertThat(this.api.get("/api/user/profile").header("Authorization", "Basic dXNlcjpwYXNz").send().status())
			.isEqualTo(401);
	}

	private int status(String token) {
		Api.Response response = this.api.get("/api/user/profile").bearer(token).send();
		if (response.status() == 401) {
			assertThat(response.header("WWW-Authenticate")).isPresent();
		}
		return response.status();
	}

	private JWTClaimsSet.Builder claims(UUID userId) {
		Instant now = this.clock.instant();
		return new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString())
			.subject(userId.toString())
			.issuer("questline")
			.audience(List.of("questline-app"))
			.issueTime(java.util.Date.from(now))
			.expirationTime(java.util.Date.from(now.plus(Duration.ofMinutes(15))))
			.claim("token_use", "access");
	}

	private static String sign(JWSAlgorithm algorithm, byte[] key, JWTClaimsSet claims) throws Exception {
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(algorithm).type(com.nimbusds.jose.JOSEObjectType.JWT).build(), claims);
		jwt.sign(new MACSigner(key));
		return jwt.serialize();
	}

	private static String base64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
