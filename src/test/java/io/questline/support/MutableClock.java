package io.questline.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move instead of sleeping. It follows real time, plus an offset that tests
 * change; {@link #reset()} puts it back.
 */
public class MutableClock extends Clock {

	private volatile Duration offset = Duration.ZERO;

	private volatile Instant fixed;

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException();
	}

	@Override
	public Instant instant() {
		Instant base = (this.fixed != null) ? this.fixed : Instant.now();
		return base.plus(this.offset);
	}

	/** Moves time forward (or back, with a negative duration). */
	public void advance(Duration duration) {
		this.offset = this.offset.plus(duration);
	}

	/** Stops the clock at an instant; {@link #advance(Duration)} still moves it. */
	public void setInstant(Instant instant) {
		this.fixed = instant;
		this.offset = Duration.ZERO;
	}

	/** Back to real time. */
	public void reset() {
		this.fixed = null;
		this.offset = Duration.ZERO;
	}

}
