package io.questline.recommendations;

import java.util.List;
import java.util.UUID;

import io.questline.shared.security.AuthenticatedUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/ai/recommendations} and {@code POST /api/ai/feedback}.
 */
@RestController
class RecommendationController {

	private final Recommender recommender;

	private final FeedbackRecorder feedback;

	RecommendationController(Recommender recommender, FeedbackRecorder feedback) {
		this.recommender = recommender;
		this.feedback = feedback;
	}

	@GetMapping("/api/ai/recommendations")
	Recommendations recommendations(@AuthenticationPrincipal AuthenticatedUser user) {
		return new Recommendations(this.recommender.recommend(user.id())
			.stream()
			.map((shown) -> new Item(shown.id(), shown.candidate().strategy(), shown.candidate().title(),
					shown.candidate().reason(), shown.candidate().expectedGain()))
			.toList());
	}

	@PostMapping("/api/ai/feedback")
	ResponseEntity<Void> feedback(@AuthenticationPrincipal AuthenticatedUser user,
			@Valid @RequestBody FeedbackRequest request) {
		this.feedback.record(user.id(), request.recommendationId(), request.helpful(), request.comment());
		return ResponseEntity.accepted().build();
	}

	/**
	 * A user's recommendations, best first.
	 *
	 * @param items the recommendations
	 */
	record Recommendations(List<Item> items) {

	}

	/**
	 * One recommendation.
	 *
	 * @param id what to send feedback on
	 * @param strategy the strategy key
	 * @param title a short title
	 * @param reason why, in plain words
	 * @param expectedGain millicoins to expect
	 */
	record Item(UUID id, String strategy, String title, String reason, long expectedGain) {

	}

	/**
	 * A vote on a recommendation.
	 *
	 * @param recommendationId the {@code id} of a recommendation shown to the caller
	 * @param helpful whether it helped
	 * @param comment optional free text
	 */
	record FeedbackRequest(@NotNull UUID recommendationId, @NotNull Boolean helpful, @Size(max = 1000) String comment) {

	}

}
