-- An uploaded ORUK document waits in its directory_imports row until the import job reads it,
-- so that any instance can run the job (instances need not share DATA_DIR). The job empties the
-- column when it is done with it: the document may be large or hold people's contact details.
-- The warnings of a run (things imported with a caveat) are kept beside its refused records.
--
-- The table-level grants of 0003 (SELECT, INSERT, UPDATE to linkwell_app) cover new columns.

ALTER TABLE directory_imports
  ADD COLUMN document jsonb,
  ADD COLUMN warnings jsonb NOT NULL DEFAULT '[]';
