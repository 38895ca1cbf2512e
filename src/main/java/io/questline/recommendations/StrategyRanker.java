package io.questline.recommendations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Orders candidates. The holdout gets the unlearned order: expected gain, highest first.
 * Everyone else gets Thompson sampling over a Beta-Bernoulli arm per strategy: each
 * request draws how likely each strategy is to help from Beta(prior + helpful votes,
 * prior + unhelpful votes) and ranks by that draw times the expected gain, the gain the
 * user can expect to actually realise. Strategies with few votes draw widely, so they get
 * shown first now and then (exploration); well-liked ones win most draws (exploitation).
 */
final class StrategyRanker {

	private final double priorHelpful;

	private final double priorUnhelpful;

	StrategyRanker(double priorHelpful, double priorUnhelpful) {
		this.priorHelpful = priorHelpful;
		this.priorUnhelpful = priorUnhelpful;
	}

	static List<Candidate> byExpectedGain(List<Candidate> candidates) {
		List<Candidate> ordered = new ArrayList<>(candidates);
		ordered.sort(Comparator.comparingLong(Candidate::expectedGain)
			.reversed()
			.thenComparing(Candidate::strategy)
			.thenComparing(Candidate::title));
		return ordered;
	}

	List<Candidate> learned(List<Candidate> candidates, Map<String, Votes> votes, RandomGenerator random) {
		List<Scored> scored = new ArrayList<>();
		for (Candidate candidate : byExpectedGain(candidates)) {
			Votes arm = votes.getOrDefault(candidate.strategy(), Votes.NONE);
			double helpfulness = beta(this.priorHelpful + arm.helpful(), this.priorUnhelpful + arm.unhelpful(), random);
			scored.add(new Scored(candidate, helpfulness * Math.max(1, candidate.expectedGain())));
		}
		// Stable sort: equal scores keep the expected-gain order.
		scored.sort(Comparator.comparingDouble(Scored::score).reversed());
		return scored.stream().map(Scored::candidate).toList();
	}

	/** A draw from Beta(a, b), as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
	static double beta(double a, double b, RandomGenerator random) {
		double x = gamma(a, random);
		double y = gamma(b, random);
		return x / (x + y);
	}

	/** Marsaglia and Tsang's method; shapes below 1 are boosted. */
	static double gamma(double shape, RandomGenerator random) {
		if (shape < 1) {
			return gamma(shape + 1, random) * Math.pow(random.nextDouble(), 1 / shape);
		}
		double d = shape - 1.0 / 3;
		double c = 1 / Math.sqrt(9 * d);
		while (true) {
			double x = random.nextGaussian();
			double v = 1 + c * x;
			if (v <= 0) {
				continue;
			}
			v = v * v * v;
			double u = random.nextDouble();
			if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
				return d * v;
			}
		}
	}

	/**
	 * The votes a strategy got in a segment.
	 *
	 * @param helpful votes saying it helped
	 * @param unhelpful votes saying it did not
	 */
	record Votes(long helpful, long unhelpful) {

		static final Votes NONE = new Votes(0, 0);

	}

	private record Scored(Candidate candidate, double score) {

	}

}
