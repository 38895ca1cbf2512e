package io.questline.achievements;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.questline.achievements.ClaimAchievementService.Claimed;
import io.questline.shared.security.AuthenticatedUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The achievement catalog, the caller's progress, and claims.
 */
@RestController
class AchievementController {

	private final Achievements achievements;

	private final ClaimAchievementService claims;

	AchievementController(Achievements achievements, ClaimAchievementService claims) {
		this.achievements = achievements;
		this.claims = claims;
	}

	@GetMapping("/api/achievements/list")
	Items<Achievement> list() {
		return new Items<>(this.achievements.findAll());
	}

	@GetMapping("/api/achievements/progress")
	Items<Progress> progress(@AuthenticationPrincipal AuthenticatedUser user) {
		Map<String, Long> counters = this.achievements.counters(user.id());
		Map<String, Instant> claimed = this.achievements.claims(user.id());
		List<Progress> items = this.achievements.findAll().stream().map((achievement) -> {
			long value = counters.getOrDefault(achievement.metric(), 0L);
			return new Progress(achievement.code(), value, achievement.threshold(), value >= achievement.threshold(),
					claimed.get(achievement.code()));
		}).toList();
		return new Items<>(items);
	}

	@PostMapping("/api/achievements/claim")
	Claimed claim(@AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody ClaimRequest request) {
		return this.claims.claim(user.id(), request.code());
	}

	record Items<T>(List<T> items) {

	}

	/**
	 * The caller's progress on one achievement.
	 *
	 * @param code the achievement
	 * @param progress the caller's value of its metric (millicoins for coins)
	 * @param threshold the value that reaches it
	 * @param completed whether it is reached (and so claimable unless claimed)
	 * @param claimedAt when it was claimed, or {@code null}
	 */
	record Progress(String code, long progress, long threshold, boolean completed, Instant claimedAt) {

	}

	record ClaimRequest(@NotBlank @Size(max = 64) String code) {

	}

}
