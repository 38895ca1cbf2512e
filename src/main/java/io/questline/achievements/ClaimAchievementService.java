package io.questline.achievements;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.questline.ledger.Ledger;
import io.questline.ledger.Posting;
import io.questline.ledger.SystemAccount;
import io.questline.shared.web.ApiException;
import io.questline.shared.web.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pays a reached achievement once. The claim row (unique per user and code) makes
 * concurrent claims wait for the first and then find it taken; the ledger reference
 * {@code achievement:<user>:<code>} would refuse a second payment anyway.
 */
@Service
class ClaimAchievementService {

	private final Achievements achievements;

	private final Ledger ledger;

	private final Clock clock;

	ClaimAchievementService(Achievements achievements, Ledger ledger, Clock clock) {
		this.achievements = achievements;
		this.ledger = ledger;
		this.clock = clock;
	}

	@Transactional
	Claimed claim(UUID userId, String code) {
		Achievement achievement = this.achievements.find(code).orElseThrow(() -> new NotFoundException("Achievement"));
		if (this.achievements.counter(userId, achievement.metric()) < achievement.threshold()) {
			throw new NotCompletedException();
		}
		Instant now = this.clock.instant();
		if (!this.achievements.insertClaim(userId, code, achievement.reward(), now)) {
			throw new AlreadyClaimedException();
		}
		Posting posting = this.ledger
			.credit(userId, SystemAccount.REWARDS, achievement.reward(), "achievement",
					"achievement:" + userId + ":" + code)
			.orElseThrow(AlreadyClaimedException::new);
		return new Claimed(code, achievement.reward(), posting.balanceAfter(userId));
	}

	/**
	 * A paid claim.
	 *
	 * @param code the achievement
	 * @param reward millicoins paid
	 * @param balance the balance after
	 */
	record Claimed(String code, long reward, long balance) {

	}

	/**
	 * The achievement was claimed before.
	 */
	static class AlreadyClaimedException extends ApiException {

		AlreadyClaimedException() {
			super(HttpStatus.CONFLICT, "ALREADY_CLAIMED", "This achievement has already been claimed.");
		}

	}

	/**
	 * The achievement is not reached yet.
	 */
	static class NotCompletedException extends ApiException {

		NotCompletedException() {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "NOT_COMPLETED", "This achievement is not reached yet.");
		}

	}

}
