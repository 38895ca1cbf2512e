package io.questline.learning;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuizGradingTests {

	private static final Map<String, String> KEY = Map.of("q1", "b", "q2", "a");

	@Test
	void everyQuestionMustHaveItsRightOption() {
		assertThat(CompleteModuleService.allRight(KEY, Map.of("q1", "b", "q2", "a"))).isTrue();
		assertThat(CompleteModuleService.allRight(KEY, Map.of("q1", "b", "q2", "c"))).isFalse();
		assertThat(CompleteModuleService.allRight(KEY, Map.of("q1", "a", "q2", "b"))).isFalse();
	}

	@Test
	void missingAnswersAreWrongAndExtraOnesIgnored() {
		assertThat(CompleteModuleService.allRight(KEY, null)).isFalse();
		assertThat(CompleteModuleService.allRight(KEY, Map.of())).isFalse();
		assertThat(CompleteModuleService.allRight(KEY, Map.of("q1", "b"))).isFalse();
		assertThat(CompleteModuleService.allRight(KEY, Map.of("q1", "b", "q2", "a", "q9", "z"))).isTrue();
	}

	@Test
	void optionIdsAreComparedExactly() {
		assertThat(CompleteModuleService.allRight(KEY, Map.of("q1", "B", "q2", "a"))).isFalse();
		assertThat(CompleteModuleService.allRight(KEY, Map.of("q1", " b", "q2", "a"))).isFalse();
	}

}
