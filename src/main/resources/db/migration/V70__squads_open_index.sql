-- Squads with a free place, best bonus and fullest first: the join_squad recommendation reads
-- the first row of this index instead of scanning every squad.
CREATE INDEX squads_open_by_bonus ON squads (bonus_percent DESC, member_count DESC, id)
    WHERE member_count < capacity;
