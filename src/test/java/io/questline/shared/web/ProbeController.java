package io.questline.shared.web;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.questline.shared.security.AuthenticatedUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints that exist only in tests, to prove the platform's behaviour (errors, strict
 * input, idempotency) independently of any feature. Found by component scanning of the
 * test classpath.
 */
@RestController
class ProbeController {

	static final AtomicInteger calls = new AtomicInteger();

	static volatile CountDownLatch gate = new CountDownLatch(0);

	@GetMapping("/api/test/probe")
	Echo probe(@AuthenticationPrincipal AuthenticatedUser user) {
		return new Echo(user.id().toString(), null, calls.get());
	}

	@PostMapping("/api/test/probe")
	@ResponseStatus(HttpStatus.CREATED)
	Echo post(@AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody ProbeRequest request)
			throws InterruptedException {
		int call = calls.incrementAndGet();
		if (!gate.await(10, TimeUnit.SECONDS)) {
			throw new IllegalStateException("gate never opened");
		}
		return new Echo(user.id().toString(), request.name(), call);
	}

	@PostMapping("/api/test/probe/fail")
	Echo fail(@AuthenticationPrincipal AuthenticatedUser user) {
		calls.incrementAndGet();
		throw new IllegalStateException("SELECT password_hash FROM users WHERE secret = 'hidden'");
	}

	@GetMapping("/api/test/probe/flag")
	boolean flag(@org.springframework.web.bind.annotation.RequestParam boolean on) {
		return on;
	}

	@GetMapping("/api/admin/test/probe")
	Echo admin(@AuthenticationPrincipal AuthenticatedUser user) {
		return new Echo(user.id().toString(), "admin", calls.get());
	}

	record ProbeRequest(@NotBlank @Size(max = 20) String name, @Min(1) @Max(10) Integer count) {
	}

	record Echo(String userId, String name, int call) {
	}

}
