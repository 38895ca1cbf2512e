package io.questline.competitions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.questline.shared.web.NotFoundException;
import io.questline.users.UserDirectory;
import io.questline.users.UserSummary;

/**
 * Reads boards: the top entries, the caller's rank and score, and the entries around the
 * caller.
 *
 * <p>
 * Ranks count every participant, hidden or not: a user with {@code leaderboardVisible}
 * off keeps their true rank (and can win its prize) but is left out of what others see,
 * which shows as a gap in the rank numbers. They still see themselves. Visibility is read
 * when the board is read, so a change of the setting shows at once.
 */
@Service
class Leaderboards {

	private final Competitions competitions;

	private final Participants participants;

	private final UserDirectory users;

	private final CompetitionProperties properties;

	Leaderboards(Competitions competitions, Participants participants, UserDirectory users,
			CompetitionProperties properties) {
		this.competitions = competitions;
		this.participants = participants;
		this.users = users;
		this.properties = properties;
	}

	@Transactional(readOnly = true)
	Board read(long eventId, UUID viewerId, int limit) {
		Competition competition = this.competitions.find(eventId).orElseThrow(() -> new NotFoundException("Event"));
		List<Ranked> top = top(competition.id(), viewerId, limit);
		Optional<Participants.Entry> mine = this.participants.find(competition.id(), viewerId);
		if (mine.isEmpty()) {
			return new Board(competition.id(), top, null, List.of());
		}
		long rank = this.participants.rankOf(competition.id(), mine.get());
		int around = this.properties.leaderboardAround();
		int fetch = around * this.properties.hiddenScanFactor();
		List<Ranked> above = visible(this.participants.before(competition.id(), mine.get(), fetch), rank, -1, viewerId,
				around);
		List<Ranked> below = visible(this.participants.after(competition.id(), mine.get(), fetch), rank, 1, viewerId,
				around);
		List<Ranked> aroundMe = new ArrayList<>(above);
		Collections.reverse(aroundMe);
		aroundMe.addAll(below);
		return new Board(competition.id(), top, new Me(rank, mine.get().score()), aroundMe);
	}

	/**
	 * The first {@code limit} entries others may see (and the viewer), scanning past
	 * hidden users up to a bound.
	 */
	private List<Ranked> top(long competitionId, UUID viewerId, int limit) {
		List<Ranked> shown = new ArrayList<>();
		Participants.Entry last = null;
		long position = 0;
		long budget = (long) limit * this.properties.hiddenScanFactor();
		while (shown.size() < limit && position < budget) {
			List<Participants.Entry> batch = this.participants.after(competitionId, last, limit);
			Map<UUID, UserSummary> summaries = this.users
				.findAll(batch.stream().map(Participants.Entry::userId).toList());
			for (Participants.Entry entry : batch) {
				position++;
				UserSummary summary = summaries.get(entry.userId());
				if (shown.size() < limit && isShown(summary, viewerId)) {
					shown.add(new Ranked(position, entry.userId(), summary.displayName(), entry.score()));
				}
			}
			if (batch.size() < limit) {
				break;
			}
			last = batch.get(batch.size() - 1);
		}
		return shown;
	}

	/**
	 * The nearest visible entries of a run going away from the viewer's rank.
	 */
	private List<Ranked> visible(List<Participants.Entry> run, long rank, int direction, UUID viewerId, int count) {
		Map<UUID, UserSummary> summaries = this.users.findAll(run.stream().map(Participants.Entry::userId).toList());
		List<Ranked> shown = new ArrayList<>();
		for (int i = 0; i < run.size() && shown.size() < count; i++) {
			Participants.Entry entry = run.get(i);
			UserSummary summary = summaries.get(entry.userId());
			if (isShown(summary, viewerId)) {
				shown
					.add(new Ranked(rank + direction * (i + 1L), entry.userId(), summary.displayName(), entry.score()));
			}
		}
		return shown;
	}

	private static boolean isShown(UserSummary summary, UUID viewerId) {
		return summary != null && (summary.leaderboardVisible() || summary.id().equals(viewerId));
	}

	/**
	 * A board as read.
	 *
	 * @param eventId the event
	 * @param entries the top entries
	 * @param me the viewer's rank and score, {@code null} when not participating
	 * @param around the entries just above and below the viewer, best first
	 */
	record Board(long eventId, List<Ranked> entries, Me me, List<Ranked> around) {

	}

	/**
	 * One line of a board.
	 *
	 * @param rank the rank among all participants
	 * @param userId the user
	 * @param displayName their public name
	 * @param score their score
	 */
	record Ranked(long rank, UUID userId, String displayName, long score) {

	}

	/**
	 * The viewer's place.
	 *
	 * @param rank the rank among all participants
	 * @param score the score
	 */
	record Me(long rank, long score) {

	}

}
