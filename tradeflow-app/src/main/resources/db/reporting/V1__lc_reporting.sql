-- The SQL reporting projection of tf.lc.events. Every row is derived from the events, so the
-- tables can be dropped and rebuilt by replaying the log.

-- Each LC's events as stored in the log, in version order: the projection folds them with the
-- domain's own evolve, so the rows below never disagree with the aggregate.
CREATE TABLE rpt_lc_events (
  lc_id          VARCHAR(64)  NOT NULL,
  lc_version     BIGINT       NOT NULL,
  event_id       VARCHAR(36)  NOT NULL,
  event_type     VARCHAR(64)  NOT NULL,
  occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  payload        BYTEA        NOT NULL,
  PRIMARY KEY (lc_id, lc_version)
);

-- The LC register: one row per credit, as of its latest event.
CREATE TABLE rpt_lc_register (
  lc_id                 VARCHAR(64)   NOT NULL PRIMARY KEY,
  status                VARCHAR(32)   NOT NULL,
  applicant_name        VARCHAR(256)  NOT NULL,
  applicant_country     VARCHAR(2)    NOT NULL,
  beneficiary_name      VARCHAR(256)  NOT NULL,
  beneficiary_country   VARCHAR(2)    NOT NULL,
  issuing_bank_bic      VARCHAR(11)   NOT NULL,
  advising_bank_bic     VARCHAR(11),
  confirming_bank_bic   VARCHAR(11),
  currency              VARCHAR(3)    NOT NULL,
  amount                NUMERIC(30,6) NOT NULL,
  maximum_drawable      NUMERIC(30,6) NOT NULL,
  drawn                 NUMERIC(30,6) NOT NULL,
  expiry_date           DATE          NOT NULL,
  effective_expiry_date DATE,
  applied_on            DATE          NOT NULL,
  issued_on             DATE,
  lc_version            BIGINT        NOT NULL,
  updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX rpt_lc_register_by_applicant ON rpt_lc_register (applicant_name, currency);

-- Presentations under each credit and where their examination stands.
CREATE TABLE rpt_presentations (
  lc_id                VARCHAR(64)   NOT NULL,
  presentation_id      VARCHAR(64)   NOT NULL,
  status               VARCHAR(32)   NOT NULL,
  currency             VARCHAR(3)    NOT NULL,
  amount               NUMERIC(30,6) NOT NULL,
  shipment_date        DATE          NOT NULL,
  presented_on         DATE          NOT NULL,
  examination_deadline DATE          NOT NULL,
  maturity_date        DATE,
  PRIMARY KEY (lc_id, presentation_id)
);

CREATE INDEX rpt_presentations_by_deadline ON rpt_presentations (status, examination_deadline);

CREATE TABLE rpt_discrepancies (
  lc_id           VARCHAR(64)   NOT NULL,
  presentation_id VARCHAR(64)   NOT NULL,
  position        INTEGER       NOT NULL,
  code            VARCHAR(64)   NOT NULL,
  description     VARCHAR(2000) NOT NULL,
  PRIMARY KEY (lc_id, presentation_id, position)
);

-- What each applicant owes the issuing bank per currency on the credits still live.
CREATE VIEW rpt_exposure AS
  SELECT applicant_name,
         currency,
         COUNT(*)                       AS credits,
         SUM(maximum_drawable)          AS maximum_drawable,
         SUM(drawn)                     AS drawn,
         SUM(maximum_drawable - drawn)  AS outstanding
    FROM rpt_lc_register
   WHERE status IN ('ISSUED', 'ADVISED', 'CONFIRMED')
   GROUP BY applicant_name, currency;
