"""The store's schema as an ordered list of named migrations.

A migration is applied once, inside a transaction, and recorded in ``schema_migrations``; a store
made by an older claimgraph is brought up to date when it is opened. Never edit a migration that
has shipped: add a new one. The tables are documented in ``docs/schema.md``.
"""

from __future__ import annotations

from typing import Final

MIGRATIONS: Final[tuple[tuple[str, str], ...]] = (
    (
        "0001_documents",
        """
        CREATE TABLE documents (
            id            VARCHAR PRIMARY KEY,
            content_hash  VARCHAR NOT NULL UNIQUE,
            source        VARCHAR NOT NULL,
            title         VARCHAR,
            outlet        VARCHAR,
            authors       VARCHAR[] NOT NULL,
            published     DATE,
            url           VARCHAR,
            language      VARCHAR,
            text          VARCHAR NOT NULL,
            raw           VARCHAR NOT NULL,
            media_type    VARCHAR NOT NULL,
            extractor     VARCHAR NOT NULL,
            ingested_at   TIMESTAMP NOT NULL DEFAULT current_timestamp
        );
        CREATE INDEX documents_source ON documents (source);
        """,
    ),
    (
        "0002_entity_mentions",
        """
        CREATE TABLE entity_mentions (
            doc    VARCHAR NOT NULL,
            start  INTEGER NOT NULL,
            "end"  INTEGER NOT NULL,
            text   VARCHAR NOT NULL,
            label  VARCHAR NOT NULL,
            stage  VARCHAR NOT NULL
        );
        CREATE INDEX entity_mentions_doc ON entity_mentions (doc);
        """,
    ),
    (
        "0003_rejections",
        """
        CREATE TABLE rejections (
            source       VARCHAR PRIMARY KEY,
            reason       VARCHAR NOT NULL,
            rejected_at  TIMESTAMP NOT NULL DEFAULT current_timestamp
        );
        """,
    ),
    (
        "0004_statements",
        """
        CREATE TABLE statements (
            id                   VARCHAR NOT NULL,
            doc                  VARCHAR NOT NULL,
            start                INTEGER NOT NULL,
            "end"                INTEGER NOT NULL,
            kind                 VARCHAR NOT NULL,
            cue                  VARCHAR NOT NULL,
            cue_start            INTEGER,
            cue_end              INTEGER,
            speaker_text         VARCHAR NOT NULL,
            speaker_start        INTEGER,
            speaker_end          INTEGER,
            referent_start       INTEGER,
            referent_end         INTEGER,
            speaker_description  VARCHAR,
            speaker_anonymous    BOOLEAN NOT NULL,
            channel              VARCHAR,
            said_on              DATE,
            stage                VARCHAR NOT NULL
        );
        CREATE INDEX statements_doc ON statements (doc);
        """,
    ),
    (
        "0005_times",
        """
        CREATE TABLE times (
            doc     VARCHAR NOT NULL,
            start   INTEGER NOT NULL,
            "end"   INTEGER NOT NULL,
            text    VARCHAR NOT NULL,
            kind    VARCHAR NOT NULL,
            timeml  VARCHAR,
            value   VARCHAR,
            stage   VARCHAR NOT NULL
        );
        CREATE INDEX times_doc ON times (doc);
        """,
    ),
    (
        "0006_quantities",
        """
        CREATE TABLE quantities (
            doc        VARCHAR NOT NULL,
            start      INTEGER NOT NULL,
            "end"      INTEGER NOT NULL,
            text       VARCHAR NOT NULL,
            value      DOUBLE NOT NULL,
            high       DOUBLE,
            unit       VARCHAR,
            qualifier  VARCHAR,
            about      VARCHAR,
            stage      VARCHAR NOT NULL
        );
        CREATE INDEX quantities_doc ON quantities (doc);
        """,
    ),
    (
        "0007_corpus_stages",
        """
        -- The corpus-wide stages, kept up to date by claimgraph.update after every ingest.
        CREATE TABLE corpus_documents (doc VARCHAR NOT NULL, copies VARCHAR NOT NULL);
        CREATE TABLE corpus_settings (name VARCHAR NOT NULL, value VARCHAR NOT NULL);
        CREATE TABLE doc_signatures (doc VARCHAR NOT NULL, minhash UINTEGER[] NOT NULL);
        CREATE TABLE doc_bands (doc VARCHAR NOT NULL, band SMALLINT NOT NULL, hash BIGINT NOT NULL);
        CREATE TABLE copy_pairs (a VARCHAR NOT NULL, b VARCHAR NOT NULL);
        CREATE TABLE place_names (name VARCHAR NOT NULL);
        CREATE TABLE claims (
            id         VARCHAR NOT NULL,
            doc        VARCHAR NOT NULL,
            start      INTEGER NOT NULL,
            "end"      INTEGER NOT NULL,
            text       VARCHAR NOT NULL,
            statement  VARCHAR,
            places     VARCHAR[] NOT NULL,
            published  DATE
        );
        CREATE TABLE claim_blocks (
            claim      VARCHAR NOT NULL,
            topic      VARCHAR NOT NULL,
            predicate  VARCHAR NOT NULL
        );
        CREATE TABLE claim_assertions (
            claim      VARCHAR NOT NULL,
            topic      VARCHAR NOT NULL,
            shown      VARCHAR NOT NULL,
            predicate  VARCHAR NOT NULL,
            value      VARCHAR NOT NULL
        );
        CREATE TABLE disputes (
            id           VARCHAR NOT NULL,
            kind         VARCHAR NOT NULL,
            topic        VARCHAR,
            a_claim      VARCHAR NOT NULL,
            b_claim      VARCHAR NOT NULL,
            explanation  VARCHAR NOT NULL
        );
        CREATE TABLE entities (
            id           VARCHAR NOT NULL,
            name         VARCHAR NOT NULL,
            type         VARCHAR NOT NULL,
            aliases      VARCHAR[] NOT NULL,
            description  VARCHAR,
            kb_id        VARCHAR,
            lat          DOUBLE,
            lon          DOUBLE,
            stage        VARCHAR NOT NULL,
            rank         INTEGER NOT NULL
        );
        CREATE TABLE entity_spans (entity VARCHAR NOT NULL, doc VARCHAR NOT NULL, start INTEGER NOT NULL,
                                   "end" INTEGER NOT NULL, name_group VARCHAR NOT NULL);
        CREATE TABLE name_blocks (name_group VARCHAR NOT NULL, block VARCHAR NOT NULL);
        CREATE TABLE entity_reasons (entity VARCHAR NOT NULL, a VARCHAR NOT NULL, b VARCHAR NOT NULL,
                                     rule VARCHAR NOT NULL);
        """,
    ),
    (
        "0008_claim_readings",
        """
        -- What each claim asserts (claimgraph.claims.reading_to_json), kept so that a dispute block
        -- is compared again without reading its claims again; NULL in rows stored before.
        ALTER TABLE claims ADD COLUMN reading VARCHAR;
        """,
    ),
    (
        "0009_claim_sentences",
        """
        -- A per-document stage: the sentences that assert something, read without their places
        -- (claimgraph.claims.claim_sentences), so that the corpus-wide stages only add the places.
        CREATE TABLE claim_sentences (
            doc      VARCHAR NOT NULL,
            start    INTEGER NOT NULL,
            "end"    INTEGER NOT NULL,
            reading  VARCHAR NOT NULL,
            stage    VARCHAR NOT NULL
        );
        CREATE INDEX claim_sentences_doc ON claim_sentences (doc);
        """,
    ),
    (
        "0010_techniques",
        """
        -- A per-document stage: loaded language and persuasion techniques (claimgraph.extract.techniques).
        -- Documents stored before it have no rows here until `claimgraph ingest --force`.
        CREATE TABLE techniques (
            doc        VARCHAR NOT NULL,
            start      INTEGER NOT NULL,
            "end"      INTEGER NOT NULL,
            text       VARCHAR NOT NULL,
            technique  VARCHAR NOT NULL,
            rule       VARCHAR NOT NULL,
            voice      VARCHAR NOT NULL,
            stage      VARCHAR NOT NULL
        );
        CREATE INDEX techniques_doc ON techniques (doc);
        """,
    ),
    (
        "0011_http",
        """
        -- What claimgraph fetch, feed and sitemap received (claimgraph.collect): each answer's bytes
        -- with its headers and the URL it came from after redirects, once per URL and content.
        CREATE TABLE http_responses (
            url           VARCHAR NOT NULL,
            final_url     VARCHAR NOT NULL,
            status        INTEGER NOT NULL,
            headers       VARCHAR NOT NULL,
            body          BLOB NOT NULL,
            content_hash  VARCHAR NOT NULL,
            fetched_at    TIMESTAMP NOT NULL DEFAULT current_timestamp
        );
        CREATE INDEX http_responses_url ON http_responses (url);
        -- The validators of each URL's latest answer, sent back as If-None-Match / If-Modified-Since.
        CREATE TABLE http_validators (
            url            VARCHAR NOT NULL,
            final_url      VARCHAR NOT NULL,
            content_hash   VARCHAR NOT NULL,
            etag           VARCHAR,
            last_modified  VARCHAR,
            checked_at     TIMESTAMP NOT NULL DEFAULT current_timestamp
        );
        -- The items of a feed or sitemap already fetched: a re-run fetches only the new ones.
        CREATE TABLE listed_urls (
            listing  VARCHAR NOT NULL,
            url      VARCHAR NOT NULL,
            seen_at  TIMESTAMP NOT NULL DEFAULT current_timestamp
        );
        """,
    ),
    (
        "0012_no_secondary_indexes",
        """
        -- DuckDB 1.5 loses a secondary index's entries when a store's write-ahead log is replayed and
        -- then checkpointed (an ingest killed before its checkpoint, the store opened again): filters
        -- through the index then miss rows that are there (duckdb/duckdb#23848). These columns are
        -- filtered by scanning instead; the primary and unique keys stay.
        DROP INDEX IF EXISTS documents_source;
        DROP INDEX IF EXISTS entity_mentions_doc;
        DROP INDEX IF EXISTS statements_doc;
        DROP INDEX IF EXISTS times_doc;
        DROP INDEX IF EXISTS quantities_doc;
        DROP INDEX IF EXISTS claim_sentences_doc;
        DROP INDEX IF EXISTS techniques_doc;
        DROP INDEX IF EXISTS http_responses_url;
        """,
    ),
    (
        "0013_rejection_stage",
        """
        -- The step that gave up on an input: reading it, cleaning it, or one of the analyses or the
        -- store write that an unexpected error stopped for that document alone.
        ALTER TABLE rejections ADD COLUMN stage VARCHAR DEFAULT 'read';
        """,
    ),
    (
        "0014_speaker_author",
        """
        -- The document's author a first-person speaker stands for ("I" in an address), by the
        -- document's metadata: the name is not among the text's words, so no span holds it.
        ALTER TABLE statements ADD COLUMN speaker_author VARCHAR;
        """,
    ),
    (
        "0015_place_present_names",
        """
        -- The present name of a place name that is another form of it ("Dobropolye": Dobropillia),
        -- from the gazetteer: claims naming the place either way share a topic.
        ALTER TABLE place_names ADD COLUMN present VARCHAR;
        """,
    ),
)
