package io.questline.mining;

import io.questline.mining.MiningSessionService.SessionView;
import io.questline.mining.MiningSessionService.Settlement;
import io.questline.shared.security.AuthenticatedUser;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's mining session: look at it, start one, end it.
 */
@RestController
@RequestMapping("/api/earnings/session")
class MiningSessionController {

	private final MiningSessionService sessions;

	MiningSessionController(MiningSessionService sessions) {
		this.sessions = sessions;
	}

	@GetMapping("/active")
	SessionResponse active(@AuthenticationPrincipal AuthenticatedUser user) {
		return new SessionResponse(this.sessions.active(user.id()).orElse(null));
	}

	@PostMapping("/start")
	@ResponseStatus(HttpStatus.CREATED)
	SessionResponse start(@AuthenticationPrincipal AuthenticatedUser user) {
		return new SessionResponse(this.sessions.start(user.id()));
	}

	@PostMapping("/end")
	Settlement end(@AuthenticationPrincipal AuthenticatedUser user) {
		return this.sessions.end(user.id());
	}

	/**
	 * {@code {session}}; the session is {@code null} when none is running.
	 *
	 * @param session the session
	 */
	record SessionResponse(SessionView session) {

	}

}
