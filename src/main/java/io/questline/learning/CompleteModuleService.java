package io.questline.learning;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.questline.learning.LearningPaths.GradedModule;
import io.questline.ledger.Ledger;
import io.questline.ledger.SystemAccount;
import io.questline.shared.web.ApiException;
import io.questline.shared.web.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completes a module: in order, with its quiz answered right, paid once
 * ({@code module:<user>:<module>}); the module that finishes a path also pays the path
 * bonus once ({@code path:<user>:<path>}). A module already completed is 409
 * {@code ALREADY_COMPLETED}, the same answer whether the first completion is long done or
 * committing concurrently.
 */
@Service
class CompleteModuleService {

	private final LearningPaths paths;

	private final Ledger ledger;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CompleteModuleService(LearningPaths paths, Ledger ledger, ApplicationEventPublisher events, Clock clock) {
		this.paths = paths;
		this.ledger = ledger;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	Completion complete(UUID userId, String pathId, String moduleId, Map<String, String> answers) {
		GradedModule module = this.paths.findModule(pathId, moduleId)
			.orElseThrow(() -> new NotFoundException("Learning module"));
		if (this.paths.isCompleted(userId, moduleId)) {
			throw new AlreadyCompletedException();
		}
		String previous = this.paths.previousModule(pathId, module.position()).orElse(null);
		if (previous != null && !this.paths.isCompleted(userId, previous)) {
			throw new PrerequisiteMissingException(previous);
		}
		if (module.answerKey() != null && !allRight(module.answerKey(), answers)) {
			throw new WrongAnswersException();
		}
		Instant now = this.clock.instant();
		if (!this.paths.insertModuleCompletion(userId, pathId, moduleId, module.reward(), now)) {
			throw new AlreadyCompletedException();
		}
		if (module.reward() > 0) {
			this.ledger.credit(userId, SystemAccount.REWARDS, module.reward(), "module",
					"module:" + userId + ":" + moduleId);
		}
		this.events.publishEvent(new ModuleCompleted(userId, pathId, moduleId, module.reward(), now));
		long bonus = 0;
		boolean pathCompleted = this.paths.allModulesCompleted(userId, pathId);
		if (pathCompleted) {
			long pathBonus = this.paths.findPathBonus(pathId).orElse(0L);
			if (this.paths.insertPathCompletion(userId, pathId, pathBonus, now)) {
				if (pathBonus > 0) {
					this.ledger.credit(userId, SystemAccount.REWARDS, pathBonus, "path",
							"path:" + userId + ":" + pathId);
				}
				bonus = pathBonus;
				this.events.publishEvent(new PathCompleted(userId, pathId, pathBonus, now));
			}
		}
		return new Completion(pathId, moduleId, module.reward(), pathCompleted, bonus, this.ledger.balanceOf(userId));
	}

	/**
	 * Every question of the key has the right option among the answers. Missing answers
	 * count as wrong; answers to questions the quiz does not have are ignored.
	 */
	static boolean allRight(Map<String, String> answerKey, Map<String, String> answers) {
		if (answers == null) {
			return false;
		}
		return answerKey.entrySet().stream().allMatch((entry) -> entry.getValue().equals(answers.get(entry.getKey())));
	}

	/**
	 * A completed module.
	 *
	 * @param pathId the path
	 * @param moduleId the module
	 * @param reward millicoins the module paid
	 * @param pathCompleted whether the caller has now completed every module of the path
	 * @param pathBonus millicoins of path bonus paid by this completion (0 if none)
	 * @param balance the caller's balance after
	 */
	record Completion(String pathId, String moduleId, long reward, boolean pathCompleted, long pathBonus,
			long balance) {

	}

	static class AlreadyCompletedException extends ApiException {

		AlreadyCompletedException() {
			super(HttpStatus.CONFLICT, "ALREADY_COMPLETED", "You have already completed this module.");
		}

	}

	static class PrerequisiteMissingException extends ApiException {

		PrerequisiteMissingException(String previousModuleId) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "PREREQUISITE_MISSING",
					"Complete the module before this one first.", Map.of("requiredModuleId", previousModuleId));
		}

	}

	/**
	 * Some quiz answers are wrong or missing. Deliberately says nothing about which, so
	 * the key cannot be read off the errors.
	 */
	static class WrongAnswersException extends ApiException {

		WrongAnswersException() {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "WRONG_ANSWERS",
					"Not all answers are right. Review the module and try again.");
		}

	}

}
