package io.questline.learning;

import java.util.List;

/**
 * The part of a module's quiz that clients see: questions and their options, never which
 * option is right.
 *
 * @param questions the questions, in order
 */
record Quiz(List<Question> questions) {

	/**
	 * One question.
	 *
	 * @param id its id within the module
	 * @param prompt what is asked
	 * @param options the choices
	 */
	record Question(String id, String prompt, List<Option> options) {

	}

	/**
	 * One choice.
	 *
	 * @param id its id within the question (what an answer names)
	 * @param text what it says
	 */
	record Option(String id, String text) {

	}

}
