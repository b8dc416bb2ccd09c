-- Axon's JDBC event schema for the embedded SQLite event store. The global index is SQLite's row id: INTEGER PRIMARY
-- KEY makes it so, and AUTOINCREMENT keeps an index from being handed out twice (but for the index of a commit that a
-- power cut took back before its flush: never confirmed, never read for a view, never answered as a position).
CREATE TABLE IF NOT EXISTS DomainEventEntry (
    globalIndex         INTEGER PRIMARY KEY AUTOINCREMENT,
    eventIdentifier     VARCHAR(255) NOT NULL,
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    type                VARCHAR(255),
    timeStamp           VARCHAR(255) NOT NULL,
    payloadType         VARCHAR(255) NOT NULL,
    payloadRevision     VARCHAR(255),
    payload             BLOB         NOT NULL,
    metaData            BLOB,
    UNIQUE (aggregateIdentifier, sequenceNumber),
    UNIQUE (eventIdentifier)
);

CREATE TABLE IF NOT EXISTS SnapshotEventEntry (
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    type                VARCHAR(255) NOT NULL,
    eventIdentifier     VARCHAR(255) NOT NULL,
    metaData            BLOB,
    payload             BLOB         NOT NULL,
    payloadRevision     VARCHAR(255),
    payloadType         VARCHAR(255) NOT NULL,
    timeStamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregateIdentifier, sequenceNumber),
    UNIQUE (eventIdentifier)
);
