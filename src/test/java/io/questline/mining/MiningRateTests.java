package io.questline.mining;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MiningRateTests {

	private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

	@Test
	void noBonusesMinesAtTheBaseRate() {
		assertThat(MiningRate.perHour(1000, List.of())).isEqualTo(1000);
	}

	@Test
	void bonusesAddUpBeforeFactorsMultiply() {
		List<MiningMultiplier> multipliers = List.of(MiningMultiplier.bonus("streak", 30),
				MiningMultiplier.bonus("squad", 10), MiningMultiplier.bonus("referrals", 50),
				MiningMultiplier.factor("boost", 2));
		assertThat(MiningRate.perHour(1000, multipliers)).isEqualTo(3800);
	}

	@Test
	void aNegativeTotalNeverMakesANegativeRate() {
		assertThat(MiningRate.perHour(1000, List.of(MiningMultiplier.bonus("penalty", -150)))).isZero();
	}

	@Test
	void earningsAreRoundedDownToAMillicoin() {
		// 1000 millicoins an hour is one every 3.6 seconds.
		assertThat(MiningRate.earned(1000, START, START.plus(Duration.ofHours(24)), START.plusMillis(3_599))).isZero();
		assertThat(MiningRate.earned(1000, START, START.plus(Duration.ofHours(24)), START.plusMillis(3_600)))
			.isEqualTo(1);
		assertThat(MiningRate.earned(1010, START, START.plus(Duration.ofHours(24)), START.plus(Duration.ofMinutes(90))))
			.isEqualTo(1515);
	}

	@Test
	void earningsStopAtTheEndOfTheSession() {
		Instant endsAt = START.plus(Duration.ofHours(24));
		assertThat(MiningRate.earned(1000, START, endsAt, endsAt.plus(Duration.ofDays(3)))).isEqualTo(24_000);
	}

	@Test
	void nothingIsEarnedBeforeTheStart() {
		assertThat(MiningRate.earned(1000, START, START.plus(Duration.ofHours(24)), START.minusSeconds(60))).isZero();
	}

}
