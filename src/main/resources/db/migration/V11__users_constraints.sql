-- Account invariants the API promises, held by the database too (users/).
ALTER TABLE users
    ADD CONSTRAINT users_email_length CHECK (char_length(email) BETWEEN 3 AND 254),
    ADD CONSTRAINT users_email_normalized CHECK (email_normalized = lower(email_normalized)),
    ADD CONSTRAINT users_display_name_length CHECK (char_length(display_name) BETWEEN 1 AND 50),
    ADD CONSTRAINT users_bio_length CHECK (bio IS NULL OR char_length(bio) <= 500),
    ADD CONSTRAINT users_avatar_url_https CHECK (avatar_url IS NULL
        OR (avatar_url LIKE 'https://%' AND char_length(avatar_url) <= 2048)),
    ADD CONSTRAINT users_ban_reason_length CHECK (ban_reason IS NULL OR char_length(ban_reason) BETWEEN 1 AND 500),
    ADD CONSTRAINT users_ban_fields_only_when_banned CHECK (banned OR (ban_reason IS NULL AND banned_until IS NULL));

-- The admin list filtered on bans.
CREATE INDEX users_banned_created_at ON users (created_at DESC, id DESC) WHERE banned;
