-- A refusal after the one-month limit (Art. 12(4)) records why it is late.
ALTER TABLE dsr_request ADD COLUMN late_reason varchar(2000);
