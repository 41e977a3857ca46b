-- The positions of consumers whose effects are rows in this database: written in the same
-- transaction as the rows, so that the rows and the position never disagree.
CREATE TABLE tf_consumer_offsets (
  group_id     VARCHAR(255) NOT NULL,
  topic        VARCHAR(255) NOT NULL,
  partition_no INTEGER      NOT NULL,
  next_offset  BIGINT       NOT NULL,
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (group_id, topic, partition_no)
);

-- Ids of the messages a consumer has applied, kept for a time-to-live: a message that comes back
-- at another offset (a dead letter replayed, a producer retry) is recognised and not applied twice.
CREATE TABLE tf_processed_ids (
  group_id     VARCHAR(255) NOT NULL,
  message_id   VARCHAR(255) NOT NULL,
  processed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (group_id, message_id)
);

CREATE INDEX tf_processed_ids_by_age ON tf_processed_ids (group_id, processed_at);
