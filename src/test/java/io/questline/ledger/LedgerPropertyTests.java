package io.questline.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.questline.support.IntegrationTest;
import io.questline.support.TestUsers;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Random sequences of ledger operations (seeded by the repetition), checked against a
 * model of the balances and against the ledger's own invariant check.
 */
@IntegrationTest
class LedgerPropertyTests {

	@Autowired
	Ledger ledger;

	@Autowired
	TestUsers users;

	@Autowired
	TransactionTemplate transactions;

	@RepeatedTest(25)
	void randomOperationsKeepBalancesEqualToTheModelAndTheInvariantHolds(RepetitionInfo repetition) {
		Random random = new Random(repetition.getCurrentRepetition());
		List<UUID> accounts = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			accounts.add(this.users.create().id());
		}
		Map<UUID, Long> model = new HashMap<>();
		accounts.forEach((id) -> model.put(id, 0L));
		List<String> usedReferences = new ArrayList<>();
		String run = UUID.randomUUID().toString();
		for (int step = 0; step < 60; step++) {
			UUID a = accounts.get(random.nextInt(accounts.size()));
			UUID b = accounts.get(random.nextInt(accounts.size()));
			long amount = 1 + random.nextInt(5_000);
			boolean replay = !usedReferences.isEmpty() && random.nextInt(8) == 0;
			String reference = replay ? usedReferences.get(random.nextInt(usedReferences.size()))
					: "prop:" + run + ":" + step;
			int kind = random.nextInt(3);
			boolean fits = model.get(a) >= amount;
			List<Leg> legs;
			if (kind == 0) {
				legs = List.of(Leg.system(SystemAccount.REWARDS, -amount), Leg.user(a, amount));
			}
			else if (kind == 1) {
				legs = List.of(Leg.user(a, -amount), Leg.system(SystemAccount.PURCHASES, amount));
			}
			else if (!a.equals(b)) {
				legs = List.of(Leg.user(a, -amount), Leg.user(b, amount));
			}
			else {
				continue;
			}
			if (kind != 0 && !fits && !replay) {
				assertThatThrownBy(() -> this.transactions
					.executeWithoutResult((status) -> this.ledger.post(reference, "test", legs, Map.of())))
					.isInstanceOf(InsufficientBalanceException.class);
				assertThat(this.ledger.isPosted(reference)).isFalse();
				continue;
			}
			var posting = this.transactions.execute((status) -> this.ledger.post(reference, "test", legs, Map.of()));
			assertThat(posting.isPresent()).as("a reference posts once").isEqualTo(!replay);
			if (posting.isPresent()) {
				usedReferences.add(reference);
				legs.stream()
					.filter((leg) -> leg.userId() != null)
					.forEach((leg) -> model.merge(leg.userId(), leg.amount(), Long::sum));
			}
		}
		accounts.forEach((id) -> assertThat(this.ledger.balanceOf(id)).isEqualTo(model.get(id)));
		LedgerCheck check = this.ledger.check();
		assertThat(check.holds()).as("ledger invariant: %s", check).isTrue();
	}

}
