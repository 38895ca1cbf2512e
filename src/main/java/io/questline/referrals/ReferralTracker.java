package io.questline.referrals;

import java.util.UUID;

import io.questline.ledger.Ledger;
import io.questline.ledger.SystemAccount;
import io.questline.mining.MiningSessionCompleted;
import io.questline.shared.web.InvalidRequestException;
import io.questline.users.UserRegistered;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links invitees to referrers at registration, and pays both once the invitee completes a
 * first mining session. Both run inside the transaction of their cause: a registration
 * with a code that does not exist fails (400) and is rolled back, rather than quietly
 * losing the bonus the new user expected; a reward commits or rolls back with the session
 * that earned it.
 */
@Component
class ReferralTracker {

	private final Referrals referrals;

	private final Ledger ledger;

	private final ReferralProperties properties;

	private final ApplicationEventPublisher events;

	ReferralTracker(Referrals referrals, Ledger ledger, ReferralProperties properties,
			ApplicationEventPublisher events) {
		this.referrals = referrals;
		this.ledger = ledger;
		this.properties = properties;
		this.events = events;
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRED)
	public void on(UserRegistered event) {
		String code = event.referralCode();
		if (code == null || code.isBlank()) {
			return;
		}
		UUID referrer = this.referrals.userWithCode(code.strip())
			.orElseThrow(() -> new InvalidRequestException("referralCode", "is not a known referral code"));
		if (referrer.equals(event.userId())) {
			throw new InvalidRequestException("referralCode", "cannot be your own");
		}
		this.referrals.link(event.userId(), referrer, code.strip(), event.at());
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRED)
	public void on(MiningSessionCompleted event) {
		if (event.completedSessions() != 1) {
			return;
		}
		UUID invitee = event.userId();
		this.referrals.markRewarded(invitee, event.endedAt()).ifPresent((referrer) -> {
			long reward = this.properties.reward();
			this.ledger.credit(invitee, SystemAccount.REFERRALS, reward, "referral",
					"referral:" + invitee + ":invitee");
			this.ledger.credit(referrer, SystemAccount.REFERRALS, reward, "referral",
					"referral:" + invitee + ":referrer");
			this.events.publishEvent(new ReferralRewarded(referrer, invitee, reward, event.endedAt()));
		});
	}

}
