-- Learning paths (learning/). Paths and modules come from content/learning-paths.json and
-- are upserted by id at start-up. A module's public quiz (questions and options) and its
-- answer key are separate columns: only the first is ever read for a response.
CREATE TABLE learning_paths (
    id           text        PRIMARY KEY,
    title        text        NOT NULL,
    description  text        NOT NULL,
    bonus        bigint      NOT NULL CHECK (bonus >= 0),
    position     integer     NOT NULL,
    version      integer     NOT NULL,
    updated_at   timestamptz NOT NULL
);

CREATE TABLE learning_modules (
    id          text        PRIMARY KEY,
    path_id     text        NOT NULL REFERENCES learning_paths (id),
    title       text        NOT NULL,
    summary     text        NOT NULL,
    body        text        NOT NULL,
    position    integer     NOT NULL CHECK (position >= 1),
    reward      bigint      NOT NULL CHECK (reward >= 0),
    quiz        jsonb,
    answer_key  jsonb,
    version     integer     NOT NULL,
    updated_at  timestamptz NOT NULL,
    CHECK ((quiz IS NULL) = (answer_key IS NULL)),
    -- Deferred so a content change may reorder modules within one transaction.
    CONSTRAINT learning_modules_position UNIQUE (path_id, position) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE learning_module_completions (
    user_id       uuid        NOT NULL REFERENCES users (id),
    module_id     text        NOT NULL REFERENCES learning_modules (id),
    path_id       text        NOT NULL REFERENCES learning_paths (id),
    reward        bigint      NOT NULL,
    completed_at  timestamptz NOT NULL,
    PRIMARY KEY (user_id, module_id)
);

CREATE INDEX learning_module_completions_path ON learning_module_completions (user_id, path_id);

CREATE TABLE learning_path_completions (
    user_id       uuid        NOT NULL REFERENCES users (id),
    path_id       text        NOT NULL REFERENCES learning_paths (id),
    bonus         bigint      NOT NULL,
    completed_at  timestamptz NOT NULL,
    PRIMARY KEY (user_id, path_id)
);
