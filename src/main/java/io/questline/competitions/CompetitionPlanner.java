package io.questline.competitions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.questline.shared.audit.AuditLog;
import io.questline.shared.web.InvalidRequestException;

/**
 * Creates events: checks the window and the prizes against the server's clock and limits,
 * and records admin creations in the audit log in the same transaction.
 */
@Service
class CompetitionPlanner {

	private final Competitions competitions;

	private final AuditLog audit;

	private final CompetitionProperties properties;

	private final Clock clock;

	CompetitionPlanner(Competitions competitions, AuditLog audit, CompetitionProperties properties, Clock clock) {
		this.competitions = competitions;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Creates an event for an admin, audited.
	 */
	@Transactional
	Competition create(UUID adminId, String name, String description, Instant startsAt, Instant endsAt, Metric metric,
			List<Prize> prizes) {
		Instant now = this.clock.instant();
		validate(startsAt, endsAt, prizes, now);
		long id = this.competitions.insert(name, description, startsAt, endsAt, metric, prizes, adminId, now);
		this.audit.record(adminId, "competitions.create", "competition:" + id, null, "success",
				Map.of("name", name, "metric", metric.code(), "startsAt", startsAt.toString(), "endsAt",
						endsAt.toString(), "prizes", prizes));
		return this.competitions.find(id).orElseThrow();
	}

	private void validate(Instant startsAt, Instant endsAt, List<Prize> prizes, Instant now) {
		if (!endsAt.isAfter(startsAt)) {
			throw new InvalidRequestException("endsAt", "must be after startsAt");
		}
		if (!endsAt.isAfter(now)) {
			throw new InvalidRequestException("endsAt", "must be in the future");
		}
		if (Duration.between(startsAt, endsAt).compareTo(this.properties.maxDuration()) > 0) {
			throw new InvalidRequestException("endsAt",
					"must be at most " + this.properties.maxDuration().toDays() + " days after startsAt");
		}
		if (startsAt.isAfter(now.plus(Duration.ofDays(365)))) {
			throw new InvalidRequestException("startsAt", "must be within a year from now");
		}
		Set<Integer> ranks = new HashSet<>();
		for (int i = 0; i < prizes.size(); i++) {
			Prize prize = prizes.get(i);
			if (prize.rank() < 1 || prize.rank() > this.properties.maxPrizeRank()) {
				throw new InvalidRequestException("prizes[" + i + "].rank",
						"must be between 1 and " + this.properties.maxPrizeRank());
			}
			if (!ranks.add(prize.rank())) {
				throw new InvalidRequestException("prizes[" + i + "].rank", "is given twice");
			}
			if (prize.reward() < 1 || prize.reward() > this.properties.maxPrizeReward()) {
				throw new InvalidRequestException("prizes[" + i + "].reward",
						"must be between 1 and " + this.properties.maxPrizeReward() + " millicoins");
			}
		}
	}

}
