-- Streak day tracking (streaks/). last_day is the counted day in last_zone, the user's timezone
-- when it was counted; last_seen_at is the latest activity (counted or not). Together they let
-- a change of timezone neither break nor double-count a day (see StreakRules).
ALTER TABLE streaks ADD COLUMN last_zone text;
ALTER TABLE streaks ADD COLUMN last_seen_at timestamptz;
ALTER TABLE streaks ADD CONSTRAINT streaks_day_tracked_together
    CHECK ((last_day IS NULL) = (last_zone IS NULL) AND (last_day IS NULL) = (last_seen_at IS NULL));
