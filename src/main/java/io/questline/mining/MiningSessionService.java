package io.questline.mining;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.questline.ledger.Ledger;
import io.questline.ledger.SystemAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts, ends and settles mining sessions. The rate is fixed at start from every
 * {@link MiningBonus}; a session is settled exactly once, at {@code min(now, endsAt)},
 * crediting the ledger with reference {@code session:<id>}: by its owner ending it,
 * lazily when the owner next looks at or starts a session, or by
 * {@link MiningSettlementJob}.
 */
@Service
class MiningSessionService {

	private static final Logger logger = LoggerFactory.getLogger(MiningSessionService.class);

	private static final TypeReference<List<MiningMultiplier>> MULTIPLIERS = new TypeReference<>() {
	};

	private final MiningSessions sessions;

	private final Ledger ledger;

	private final List<MiningBonus> bonuses;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final Clock clock;

	private final MiningProperties properties;

	MiningSessionService(MiningSessions sessions, Ledger ledger, List<MiningBonus> bonuses,
			ApplicationEventPublisher events, JsonMapper json, Clock clock, MiningProperties properties) {
		this.sessions = sessions;
		this.ledger = ledger;
		this.bonuses = bonuses;
		this.events = events;
		this.json = json;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * The user's running session, after settling one that ran out.
	 */
	@Transactional
	Optional<SessionView> active(UUID userId) {
		Instant now = this.clock.instant();
		Optional<MiningSession> found = this.sessions.findActive(userId);
		if (found.isPresent() && found.get().isOverdueAt(now)) {
			settleOverdue(userId, now);
			return Optional.empty();
		}
		return found.map((session) -> view(session, now));
	}

	/**
	 * Starts a session with the rate the bonuses give now.
	 * @throws SessionAlreadyActiveException when one is still running
	 */
	@Transactional
	SessionView start(UUID userId) {
		Instant now = this.clock.instant();
		Optional<MiningSession> found = this.sessions.findActive(userId);
		if (found.isPresent()) {
			if (!found.get().isOverdueAt(now)) {
				throw new SessionAlreadyActiveException();
			}
			settleOverdue(userId, now);
		}
		List<MiningMultiplier> multipliers = this.bonuses.stream()
			.map((bonus) -> bonus.multiplierFor(userId, now))
			.flatMap(Optional::stream)
			.sorted(Comparator.comparing(MiningMultiplier::source))
			.toList();
		long rate = MiningRate.perHour(this.properties.baseRatePerHour(), multipliers);
		MiningSession session = this.sessions.insert(userId, now, now.plus(this.properties.sessionLength()), rate,
				this.json.writeValueAsString(multipliers));
		this.events.publishEvent(new MiningSessionStarted(userId, session.id(), now));
		return view(session, now);
	}

	/**
	 * Ends the user's session and credits what it earned.
	 * @throws NoActiveSessionException when there is none (also for all but one of
	 * concurrent ends: they wait on the row lock and then find it settled)
	 */
	@Transactional
	Settlement end(UUID userId) {
		Instant now = this.clock.instant();
		MiningSession session = this.sessions.lockActive(userId).orElseThrow(NoActiveSessionException::new);
		MiningSession settled = settle(session, now);
		return new Settlement(view(settled, now), settled.credited());
	}

	/**
	 * Settles up to {@code limit} sessions that ran out, skipping rows another instance
	 * holds.
	 * @return how many were settled
	 */
	@Transactional
	int settleOverdue(int limit) {
		Instant now = this.clock.instant();
		List<MiningSession> due = this.sessions.lockOverdue(now, limit);
		due.forEach((session) -> settle(session, now));
		return due.size();
	}

	private void settleOverdue(UUID userId, Instant now) {
		this.sessions.lockActive(userId)
			.filter((session) -> session.isOverdueAt(now))
			.ifPresent((session) -> settle(session, now));
	}

	private MiningSession settle(MiningSession session, Instant now) {
		Instant until = now.isBefore(session.endsAt()) ? now : session.endsAt();
		long earned = session.earnedAt(until);
		if (!this.sessions.markSettled(session.id(), until, earned, now)) {
			throw new IllegalStateException("Session " + session.id() + " was settled under a lock");
		}
		if (earned > 0 && this.ledger
			.credit(session.userId(), SystemAccount.MINING, earned, "mining", "session:" + session.id())
			.isEmpty()) {
			// Cannot happen while the row lock and state guard hold; the ledger still
			// refuses to pay twice if it ever does.
			logger.warn("Session {} was already credited; not paying it again", session.id());
		}
		this.events.publishEvent(new MiningSessionCompleted(session.userId(), session.id(), earned, session.startedAt(),
				until, this.sessions.countSettled(session.userId())));
		return new MiningSession(session.id(), session.userId(), false, session.startedAt(), session.endsAt(),
				session.ratePerHour(), session.multipliersJson(), until, earned);
	}

	private SessionView view(MiningSession session, Instant now) {
		return new SessionView(session.id(), session.startedAt(), session.endsAt(), session.ratePerHour(),
				this.json.readValue(session.multipliersJson(), MULTIPLIERS), session.earnedAt(now));
	}

	/**
	 * A session as clients see it.
	 *
	 * @param id the session id
	 * @param startedAt when it started
	 * @param endsAt when it stops earning
	 * @param ratePerHour millicoins per hour
	 * @param multipliers the bonuses fixed at start
	 * @param accrued millicoins earned so far (server time, rounded down)
	 */
	record SessionView(long id, Instant startedAt, Instant endsAt, long ratePerHour, List<MiningMultiplier> multipliers,
			long accrued) {

	}

	/**
	 * A session ended by its owner.
	 *
	 * @param session the session, settled
	 * @param credited millicoins credited
	 */
	record Settlement(SessionView session, long credited) {

	}

}
