package io.questline.streaks;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.questline.mining.MiningActivity;
import io.questline.shared.security.AuthenticatedUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every milestone with the caller's progress toward it. {@code coins_mined} is counted in
 * millicoins, like every coin amount; {@code streak_days} is the longest streak.
 */
@RestController
class MilestoneController {

	private final Milestones milestones;

	private final Streaks streaks;

	private final MiningActivity mining;

	MilestoneController(Milestones milestones, Streaks streaks, MiningActivity mining) {
		this.milestones = milestones;
		this.streaks = streaks;
		this.mining = mining;
	}

	@GetMapping("/api/earnings/milestones")
	MilestonesResponse milestones(@AuthenticationPrincipal AuthenticatedUser user) {
		UUID userId = user.id();
		Map<String, Instant> reached = this.milestones.reachedBy(userId);
		Map<String, Long> progress = Map.of(MilestoneAwards.STREAK_DAYS,
				(long) this.streaks.find(userId).map(StreakState::longest).orElse(0), MilestoneAwards.COINS_MINED,
				this.mining.coinsMined(userId), MilestoneAwards.SESSIONS_COMPLETED,
				this.mining.completedSessions(userId));
		return new MilestonesResponse(this.milestones.all()
			.stream()
			.map((milestone) -> new Item(milestone.code(), milestone.name(), milestone.metric(), milestone.threshold(),
					milestone.reward(), progress.getOrDefault(milestone.metric(), 0L), reached.get(milestone.code())))
			.toList());
	}

	record MilestonesResponse(List<Item> items) {

	}

	/**
	 * A milestone and the caller's progress.
	 *
	 * @param code its code
	 * @param name its name
	 * @param metric what it measures
	 * @param threshold the value that reaches it
	 * @param reward millicoins it pays
	 * @param progress the caller's value of the metric
	 * @param reachedAt when the caller reached it, or {@code null}
	 */
	record Item(String code, String name, String metric, long threshold, long reward, long progress,
			Instant reachedAt) {

	}

}
