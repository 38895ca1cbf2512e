package io.questline.recommendations;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The users who get the unlearned order (by expected gain): a stable share picked by a
 * salted hash of the user id, so a user stays in or out across requests and instances.
 */
@Component
class Holdout {

	private final int percent;

	private final String salt;

	@Autowired
	Holdout(RecommendationProperties properties) {
		this(properties.holdoutPercent(), properties.holdoutSalt());
	}

	Holdout(int percent, String salt) {
		this.percent = percent;
		this.salt = salt;
	}

	boolean contains(UUID userId) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(this.salt.getBytes(StandardCharsets.UTF_8));
			digest.update((byte) ':');
			digest.update(userId.toString().getBytes(StandardCharsets.UTF_8));
			long bucket = Integer.toUnsignedLong(ByteBuffer.wrap(digest.digest()).getInt()) % 10_000;
			return bucket < this.percent * 100L;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
