package io.questline.recommendations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The seam through which a feature suggests what a user could do next (start a session,
 * join a squad, finish the next module, ...). Implement it as a Spring bean in the
 * feature that knows the facts; recommendations asks every bean on each request and never
 * depends on the features themselves.
 *
 * <p>
 * Contract: return only candidates that apply to the user right now (nothing already done
 * or impossible), computed from server data and {@code now}; keep it to a few indexed
 * reads; never write. A source that throws is skipped for that request.
 */
public interface StrategySource {

	/**
	 * What this feature suggests to a user now.
	 * @param userId the user
	 * @param now the server time of the request
	 * @return the candidates that apply, possibly none
	 */
	List<Candidate> candidatesFor(UUID userId, Instant now);

}
