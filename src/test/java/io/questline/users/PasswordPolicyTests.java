package io.questline.users;

import io.questline.shared.web.InvalidRequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void shipsTheCommonPasswordList() {
		assertThat(this.policy.size()).isGreaterThan(9_000);
	}

	@ParameterizedTest
	@ValueSource(strings = { "1qaz2wsx3edc", "qwertyuiopasdfgh", "Password2024!", "iloveyou123456", "123Monkey!!!!",
			"passwordpassword", "aaaaaaaaaaaa", "abcabcabcabc", "123456789012", "abcdefghijklmn", "098765432109",
			"zyxwvutsrqpo", "QWERTYUIOP12", "football1234", "Dragon!!!!!!2" })
	void refusesCommonAndPatternedPasswords(String password) {
		assertThat(this.policy.isGuessable(password, "someone@example.test", "Someone")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "violet-harbour-lantern-42", "correct horse battery staple", "Tr4vel!ngW1th0utMaps",
			"7f3K9q2LmZp8", "my cat eats paprika on tuesdays" })
	void acceptsPasswordsNotOnTheListNorPatterned(String password) {
		assertThatNoException().isThrownBy(() -> this.policy.check(password, "someone@example.test", "Someone"));
	}

	@Test
	void refusesTheAccountsOwnEmailOrName() {
		assertThat(this.policy.isGuessable("marguerite.duras@example.test", "marguerite.duras@example.test", "X"))
			.isTrue();
		assertThat(this.policy.isGuessable("Margueriteduras2024", "margueriteduras@example.test", "X")).isTrue();
		assertThat(this.policy.isGuessable("Jean Valjean 24601", "x@example.test", "Jean Valjean")).isTrue();
	}

	@Test
	void refusesPasswordsOutsideTwelveToOneHundredTwentyEightCharacters() {
		assertThatThrownBy(() -> this.policy.check("Xk9!mQ2#pL7", "a@b.test", "A"))
			.isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> this.policy.check("Xk9!mQ2#pL7$".repeat(11), "a@b.test", "A"))
			.isInstanceOf(InvalidRequestException.class);
		assertThatNoException().isThrownBy(() -> this.policy.check("Xk9!mQ2#pL7$", "a@b.test", "A"));
	}

}
