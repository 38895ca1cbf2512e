package io.questline.learning;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.questline.recommendations.Candidate;
import io.questline.recommendations.Coins;
import io.questline.recommendations.StrategySource;

import org.springframework.stereotype.Component;

/**
 * The next module: the next incomplete module of a path the user started, or the first
 * module of a path they have not started yet. The gain is the module's reward, plus the
 * path bonus when it is the path's last module.
 */
@Component
class NextModuleStrategy implements StrategySource {

	private final LearningPaths paths;

	NextModuleStrategy(LearningPaths paths) {
		this.paths = paths;
	}

	@Override
	public List<Candidate> candidatesFor(UUID userId, Instant now) {
		Optional<LearningPaths.NextModule> next = this.paths.nextModule(userId);
		if (next.isEmpty()) {
			return List.of();
		}
		LearningPaths.NextModule module = next.get();
		long gain = module.reward() + (module.last() ? module.pathBonus() : 0);
		String reason = (module.started() ? "Continue the path \"" + module.pathTitle() + "\": its next module is \""
				: "Start the path \"" + module.pathTitle() + "\" with its first module \"") + module.moduleTitle()
				+ "\", which pays " + Coins.format(module.reward()) + " coins" + (module.last()
						? " plus " + Coins.format(module.pathBonus()) + " coins for finishing the path." : ".");
		return List.of(new Candidate("next_module", "Learn \"" + module.moduleTitle() + "\"", reason, gain));
	}

}
