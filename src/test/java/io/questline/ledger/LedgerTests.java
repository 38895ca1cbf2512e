package io.questline.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.questline.support.IntegrationTest;
import io.questline.support.TestUsers;
import io.questline.support.TestUsers.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class LedgerTests {

	@Autowired
	Ledger ledger;

	@Autowired
	TestUsers users;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void invariantHolds() {
		assertThat(this.ledger.check().holds()).as("ledger invariant: %s", this.ledger.check()).isTrue();
	}

	@Test
	void creditingTheSameReferenceTwicePaysOnce() {
		TestUser user = this.users.create();
		String reference = "test:" + UUID.randomUUID();
		var first = this.transactions
			.execute((status) -> this.ledger.credit(user.id(), SystemAccount.REWARDS, 5_000, "reward", reference));
		var second = this.transactions
			.execute((status) -> this.ledger.credit(user.id(), SystemAccount.REWARDS, 5_000, "reward", reference));
		assertThat(first).isPresent();
		assertThat(first.get().balanceAfter(user.id())).isEqualTo(5_000);
		assertThat(second).isEmpty();
		assertThat(this.ledger.balanceOf(user.id())).isEqualTo(5_000);
	}

	@Test
	void debitingMoreThanTheBalanceRecordsNothing() {
		TestUser user = this.users.create();
		this.transactions.executeWithoutResult((status) -> this.ledger.credit(user.id(), SystemAccount.REWARDS, 1_000,
				"reward", "test:" + UUID.randomUUID()));
		String reference = "test:" + UUID.randomUUID();
		assertThatThrownBy(() -> this.transactions.executeWithoutResult(
				(status) -> this.ledger.debit(user.id(), SystemAccount.PURCHASES, 1_001, "purchase", reference)))
			.isInstanceOf(InsufficientBalanceException.class);
		assertThat(this.ledger.balanceOf(user.id())).isEqualTo(1_000);
		assertThat(this.ledger.isPosted(reference)).isFalse();
	}

	@Test
	void aRolledBackFirstPostingToASystemAccountDoesNotBreakLaterOnes() {
		TestUser user = this.users.create();
		assertThatThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			this.ledger.credit(user.id(), SystemAccount.CORRECTIONS, 1_000, "correction", "test:" + UUID.randomUUID());
			throw new IllegalStateException("roll back");
		})).hasMessage("roll back");
		var later = this.transactions.execute((status) -> this.ledger.credit(user.id(), SystemAccount.CORRECTIONS,
				2_000, "correction", "test:" + UUID.randomUUID()));
		assertThat(later).isPresent();
		assertThat(this.ledger.balanceOf(user.id())).isEqualTo(2_000);
	}

	@Test
	void aPostingThatDoesNotSumToZeroIsRefused() {
		TestUser user = this.users.create();
		assertThatThrownBy(
				() -> this.transactions.executeWithoutResult((status) -> this.ledger.post("test:" + UUID.randomUUID(),
						"broken", List.of(Leg.user(user.id(), 10), Leg.system(SystemAccount.REWARDS, -9)), Map.of())))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void entriesCannotBeUpdatedOrDeleted() {
		TestUser user = this.users.create();
		this.transactions.executeWithoutResult((status) -> this.ledger.credit(user.id(), SystemAccount.REWARDS, 1_000,
				"reward", "test:" + UUID.randomUUID()));
		assertThatThrownBy(() -> this.jdbc.sql("UPDATE ledger_entries SET amount = amount * 2").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("DELETE FROM ledger_transactions").update())
			.hasMessageContaining("append-only");
	}

	@Test
	void theDatabaseRefusesANegativeUserBalance() {
		TestUser user = this.users.create();
		this.transactions.executeWithoutResult((status) -> this.ledger.credit(user.id(), SystemAccount.REWARDS, 1_000,
				"reward", "test:" + UUID.randomUUID()));
		assertThatThrownBy(() -> this.jdbc.sql("UPDATE ledger_accounts SET balance = -1 WHERE user_id = :id")
			.param("id", user.id())
			.update()).hasMessageContaining("ledger_accounts_user_balance_not_negative");
	}

	@Test
	void fiftyConcurrentTransfersOutOfOneBalanceNeverOverdrawIt() throws Exception {
		TestUser payer = this.users.create();
		TestUser payee = this.users.create();
		this.transactions.executeWithoutResult((status) -> this.ledger.credit(payer.id(), SystemAccount.REWARDS, 10_000,
				"reward", "test:" + UUID.randomUUID()));
		AtomicInteger refused = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Callable<Boolean>> calls = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				String reference = "test:transfer:" + UUID.randomUUID();
				calls.add(() -> {
					try {
						this.transactions.executeWithoutResult((status) -> this.ledger.post(reference, "transfer",
								List.of(Leg.user(payer.id(), -1_000), Leg.user(payee.id(), 1_000)), Map.of()));
						return true;
					}
					catch (InsufficientBalanceException ex) {
						refused.incrementAndGet();
						return false;
					}
				});
			}
			long succeeded = 0;
			for (Future<Boolean> result : pool.invokeAll(calls)) {
				succeeded += result.get() ? 1 : 0;
			}
			assertThat(succeeded).isEqualTo(10);
			assertThat(refused.get()).isEqualTo(40);
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.ledger.balanceOf(payer.id())).isZero();
		assertThat(this.ledger.balanceOf(payee.id())).isEqualTo(10_000);
	}

}
