-- Delays announced (Art. 12(3)): the person is told why the answer is delayed and when to
-- expect it; an extension counts only once its notice is sent or recorded as posted within
-- the first month. Extensions given before this migration keep counting.
ALTER TABLE dsr_request ADD COLUMN extension_in_force boolean DEFAULT TRUE NOT NULL;
ALTER TABLE dsr_request ADD COLUMN extension_notice_posted_on date;
ALTER TABLE dsr_request ADD COLUMN delay_announced_on date;
ALTER TABLE dsr_request ADD COLUMN delay_expected_on date;
ALTER TABLE dsr_request ADD COLUMN delay_reason varchar(2000);
ALTER TABLE dsr_request ADD COLUMN delay_notice_id bigint;
