package io.questline.ledger;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/ledger} (admins only): runs the invariant check for operators.
 */
@Component
@Endpoint(id = "ledger")
class LedgerEndpoint {

	private final Ledger ledger;

	LedgerEndpoint(Ledger ledger) {
		this.ledger = ledger;
	}

	@ReadOperation
	LedgerCheck check() {
		return this.ledger.check();
	}

}
