package io.questline.recommendations;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StrategyRankerTests {

	private final StrategyRanker ranker = new StrategyRanker(1, 1);

	private final Candidate start = new Candidate("start_session", "Start", "Because.", 24_000);

	private final Candidate invite = new Candidate("invite_friend", "Invite", "Because.", 5_000);

	private final Candidate squad = new Candidate("join_squad", "Join", "Because.", 5_000);

	@Test
	void theUnlearnedOrderIsByExpectedGain() {
		assertThat(StrategyRanker.byExpectedGain(List.of(this.invite, this.start, this.squad)))
			.containsExactly(this.start, this.invite, this.squad);
	}

	@Test
	void helpfulVotesWinMoreFirstPlaces() {
		double before = firstPlaceShare(this.invite, Map.of());
		double after = firstPlaceShare(this.invite, Map.of("invite_friend", new StrategyRanker.Votes(40, 0),
				"start_session", new StrategyRanker.Votes(0, 40)));
		assertThat(before).isLessThan(0.3);
		assertThat(after).isGreaterThan(0.95);
	}

	@Test
	void unhelpfulVotesLoseFirstPlaces() {
		double before = firstPlaceShare(this.start, Map.of());
		double after = firstPlaceShare(this.start, Map.of("start_session", new StrategyRanker.Votes(1, 30)));
		assertThat(before).isGreaterThan(0.7);
		assertThat(after).isLessThan(before - 0.3);
	}

	@Test
	void aStrategyNobodyVotedOnStillGetsShownFirstSometimes() {
		double share = firstPlaceShare(this.squad, Map.of("invite_friend", new StrategyRanker.Votes(10, 10)),
				List.of(this.invite, this.squad));
		assertThat(share).isBetween(0.3, 0.7);
	}

	@Test
	void theSameSeedGivesTheSameOrder() {
		Map<String, StrategyRanker.Votes> votes = Map.of("invite_friend", new StrategyRanker.Votes(3, 2));
		List<Candidate> candidates = List.of(this.start, this.invite, this.squad);
		for (long seed = 0; seed < 50; seed++) {
			assertThat(this.ranker.learned(candidates, votes, new SplittableRandom(seed)))
				.isEqualTo(this.ranker.learned(candidates, votes, new SplittableRandom(seed)));
		}
	}

	@Test
	void betaDrawsHaveTheRightMean() {
		SplittableRandom random = new SplittableRandom(7);
		double sum = 0;
		for (int i = 0; i < 20_000; i++) {
			sum += StrategyRanker.beta(3, 7, random);
		}
		assertThat(sum / 20_000).isBetween(0.29, 0.31);
		double small = 0;
		for (int i = 0; i < 20_000; i++) {
			small += StrategyRanker.beta(0.5, 0.5, random);
		}
		assertThat(small / 20_000).isBetween(0.48, 0.52);
	}

	@Test
	void theHoldoutIsAStableTenthOfUsers() {
		Holdout holdout = new Holdout(10, "salt");
		SplittableRandom random = new SplittableRandom(11);
		int in = 0;
		for (int i = 0; i < 20_000; i++) {
			UUID user = new UUID(random.nextLong(), random.nextLong());
			boolean contains = holdout.contains(user);
			assertThat(holdout.contains(user)).isEqualTo(contains);
			in += contains ? 1 : 0;
		}
		assertThat(in / 20_000.0).isBetween(0.09, 0.11);
		assertThat(new Holdout(0, "salt").contains(UUID.randomUUID())).isFalse();
		assertThat(new Holdout(100, "salt").contains(UUID.randomUUID())).isTrue();
	}

	@Test
	void aCandidateNeedsAStableKeyAndNoNegativeGain() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new Candidate("Start Session", "t", "r", 1));
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new Candidate("start", "t", "r", -1));
	}

	private double firstPlaceShare(Candidate candidate, Map<String, StrategyRanker.Votes> votes) {
		return firstPlaceShare(candidate, votes, List.of(this.start, this.invite));
	}

	private double firstPlaceShare(Candidate candidate, Map<String, StrategyRanker.Votes> votes,
			List<Candidate> candidates) {
		int first = 0;
		for (long seed = 0; seed < 2_000; seed++) {
			if (this.ranker.learned(candidates, votes, new SplittableRandom(seed)).get(0).equals(candidate)) {
				first++;
			}
		}
		return first / 2_000.0;
	}

}
