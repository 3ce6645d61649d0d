CREATE TABLE users (
    id                uuid        PRIMARY KEY,
    email             text        NOT NULL,
    email_normalized  text        NOT NULL,
    name              text        NOT NULL,
    country           char(2)     NOT NULL,
    currency          char(3),
    language          text,
    password_hash     text        NOT NULL,
    roles             text[]      NOT NULL,
    status            text        NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL
);
CREATE UNIQUE INDEX users_email_normalized ON users (email_normalized);
