-- Withdrawal of consent ("unsubscribe", Art. 7(3)) as a request type, with its own task
-- outcome: the consent is withdrawn and the processing based on it has stopped. Its tasks
-- follow the location's legal basis (consent), so the register's list of types is unchanged.
ALTER TABLE dsr_request DROP CONSTRAINT ck_dsr_request_type;
ALTER TABLE dsr_request ADD CONSTRAINT ck_dsr_request_type CHECK (type IN ('ACCESS', 'ERASURE', 'OBJECTION',
    'RECTIFICATION', 'RESTRICTION', 'PORTABILITY', 'WITHDRAW_CONSENT'));
ALTER TABLE location_task DROP CONSTRAINT ck_location_task_outcome;
ALTER TABLE location_task ADD CONSTRAINT ck_location_task_outcome CHECK (outcome IN ('NOT_FOUND', 'FOUND', 'ERASED',
    'RETAINED', 'PARTLY_ERASED', 'PROCESSING_STOPPED', 'CONTINUES', 'CONTINUES_FOR_LEGAL_CLAIMS', 'DONE',
    'NOT_POSSIBLE', 'CONSENT_WITHDRAWN'));
