package io.questline.transactions;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Items bought with coins; their price is the server's, never the client's.
 */
@Repository
class CoinCatalog {

	private final JdbcClient jdbc;

	CoinCatalog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Item> findActive(String code) {
		return this.jdbc.sql("SELECT code, name, price FROM coin_catalog WHERE code = :code AND active")
			.param("code", code)
			.query(Item.class)
			.optional();
	}

	/**
	 * An item of the coin catalog.
	 *
	 * @param code its code
	 * @param name its name
	 * @param price millicoins
	 */
	record Item(String code, String name, long price) {

	}

}
