-- Demo squads, so a fresh server has squads to join (capacity 30, bonus 10 %: the defaults).
INSERT INTO squads (name, description, capacity, bonus_percent, created_at) VALUES
    ('Early Birds', 'We start our sessions at sunrise.', 30, 10, now()),
    ('Night Owls', 'Mining while the world sleeps.', 30, 10, now() + interval '1 microsecond'),
    ('Streak Keepers', 'Not one day missed. Ever.', 30, 10, now() + interval '2 microseconds'),
    ('Coin Crafters', 'Learning paths first, coins follow.', 30, 10, now() + interval '3 microseconds'),
    ('Weekend Warriors', 'Saturday sprints and Sunday streaks.', 30, 10, now() + interval '4 microseconds');
