package io.questline.referrals;

import io.questline.referrals.CreateInviteService.Invite;
import io.questline.shared.security.AuthenticatedUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shareable invites.
 */
@RestController
class ReferralController {

	private final CreateInviteService invites;

	ReferralController(CreateInviteService invites) {
		this.invites = invites;
	}

	@PostMapping("/api/referrals/create")
	@ResponseStatus(HttpStatus.CREATED)
	Invite create(@AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody CreateInviteRequest request) {
		return this.invites.create(user.id(), request.channel());
	}

	/**
	 * An invite; send {@code {}} for one without a channel.
	 *
	 * @param channel where the invite will be shared ({@code whatsapp}, {@code email},
	 * ...), up to 32 characters
	 */
	record CreateInviteRequest(@Size(max = 32) String channel) {

	}

}
