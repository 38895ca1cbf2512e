package io.questline.learning;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.questline.learning.CompleteModuleService.Completion;
import io.questline.learning.LearningPaths.ModuleRow;
import io.questline.learning.LearningPaths.PathProgress;
import io.questline.shared.security.AuthenticatedUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Learning paths (never their answer keys), the caller's progress, and module completion.
 */
@RestController
class LearningPathController {

	private final LearningPaths paths;

	private final CompleteModuleService completions;

	LearningPathController(LearningPaths paths, CompleteModuleService completions) {
		this.paths = paths;
		this.completions = completions;
	}

	@GetMapping("/api/learning-paths/list")
	Items<PathView> list() {
		Map<String, List<ModuleRow>> modules = this.paths.findModules()
			.stream()
			.collect(Collectors.groupingBy(ModuleRow::pathId));
		List<PathView> items = this.paths.findPaths()
			.stream()
			.map((path) -> new PathView(path.id(), path.title(), path.description(), path.bonus(),
					modules.getOrDefault(path.id(), List.of())
						.stream()
						.map((module) -> new ModuleView(module.id(), module.title(), module.position(), module.reward(),
								module.summary(), module.body(), module.quiz()))
						.toList()))
			.toList();
		return new Items<>(items);
	}

	@GetMapping("/api/learning-paths/progress")
	Items<PathProgress> progress(@AuthenticationPrincipal AuthenticatedUser user) {
		return new Items<>(this.paths.progress(user.id()));
	}

	@PostMapping("/api/learning-paths/complete")
	Completion complete(@AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody CompleteRequest request) {
		return this.completions.complete(user.id(), request.pathId(), request.moduleId(), request.answers());
	}

	record Items<T>(List<T> items) {

	}

	/**
	 * A path as clients see it.
	 *
	 * @param id the path
	 * @param title its title
	 * @param description what it teaches
	 * @param bonus millicoins paid once for completing every module
	 * @param modules its modules, in order
	 */
	record PathView(String id, String title, String description, long bonus, List<ModuleView> modules) {

	}

	/**
	 * A module as clients see it: its quiz has questions and options, no answers.
	 *
	 * @param id the module
	 * @param title its title
	 * @param order its place in the path, from 1
	 * @param reward millicoins paid once on completion
	 * @param summary one line about it
	 * @param body the lesson
	 * @param quiz the questions to answer to complete it, or {@code null}
	 */
	record ModuleView(String id, String title, int order, long reward, String summary, String body, Quiz quiz) {

	}

	/**
	 * Completes a module.
	 *
	 * @param pathId the path
	 * @param moduleId the module
	 * @param answers question id to chosen option id, for a module with a quiz
	 */
	record CompleteRequest(@NotBlank @Size(max = 64) String pathId, @NotBlank @Size(max = 64) String moduleId,
			@Size(max = 50) Map<@NotBlank @Size(max = 64) String, @NotNull @Size(max = 64) String> answers) {

	}

}
