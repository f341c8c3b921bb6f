-- whimbrel store schema (DuckDB). Every coded row records the coder and model versions.
-- Ids are content hashes, so re-coding an article rewrites the same keys.
-- Multi-valued actor columns join one value per actor with '; ' in actor order.

CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS stories (
    story_id VARCHAR PRIMARY KEY,
    date DATE NOT NULL,
    title VARCHAR,
    url VARCHAR,
    publisher VARCHAR,
    origin VARCHAR,
    text_hash VARCHAR NOT NULL,
    n_chars INTEGER NOT NULL,
    coded_at TIMESTAMP NOT NULL,
    coder_version VARCHAR NOT NULL,
    model VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS mentions (
    mention_id VARCHAR PRIMARY KEY,
    story_id VARCHAR NOT NULL,
    event_id VARCHAR,
    event_type VARCHAR NOT NULL,
    mode VARCHAR,
    cameo_code VARCHAR,
    modality VARCHAR NOT NULL,
    hedged BOOLEAN NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    sentence VARCHAR NOT NULL,
    record JSON NOT NULL,
    coder_version VARCHAR NOT NULL,
    model VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY,
    story_id VARCHAR NOT NULL,
    date DATE NOT NULL,
    date_precision VARCHAR NOT NULL,
    event_type VARCHAR NOT NULL,
    mode VARCHAR,
    cameo_code VARCHAR,
    quad_class INTEGER,
    intensity DOUBLE,
    modality VARCHAR NOT NULL,
    actor_country VARCHAR,
    actor_sector VARCHAR,
    recipient_country VARCHAR,
    recipient_sector VARCHAR,
    location_name VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    num_mentions INTEGER NOT NULL,
    num_stories INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    trigger_start INTEGER NOT NULL,
    record JSON NOT NULL,
    coder_version VARCHAR NOT NULL,
    model VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS rejects (
    origin VARCHAR NOT NULL,
    stage VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    story_id VARCHAR,
    seen_at TIMESTAMP NOT NULL
);
