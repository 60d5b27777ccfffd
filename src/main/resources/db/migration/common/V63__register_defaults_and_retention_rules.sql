-- Register defaults that the letters rely on, and a retention rule per location.
--
-- A retention rule computes the date until which data is kept when a case handler records
-- that it is retained: NONE (typed by hand), MONTHS (today plus the location's
-- retention_months) or BOOKKEEPING (bokföringslagen 7 kap. 2 §: until the end of the seventh
-- year after the end of the calendar year in which the financial year ended).
ALTER TABLE data_location ADD COLUMN retention_rule VARCHAR(16) DEFAULT 'NONE' NOT NULL;
ALTER TABLE data_location ADD CONSTRAINT ck_data_location_retention_rule
    CHECK (retention_rule IN ('NONE', 'MONTHS', 'BOOKKEEPING'));

UPDATE data_location SET retention_rule = 'BOOKKEEPING' WHERE name_en = 'Bookkeeping records';

-- The basis of a transfer in Swedish, for letters in Swedish (safeguard stays the English text).
ALTER TABLE data_location_recipient ADD COLUMN safeguard_sv VARCHAR(500);

-- Mailchimp: a newsletter is direct marketing, on consent (Art. 21(3), Art. 7(3)). The
-- EU–US Data Privacy Framework is an adequacy decision (Art. 45), not a safeguard; the
-- standard contractual clauses are the Art. 46 safeguard.
UPDATE data_location SET direct_marketing = TRUE, legal_basis = 'CONSENT'
WHERE name_en = 'Mailchimp newsletter list';

UPDATE data_location_recipient
SET safeguard = 'adequacy decision under Article 45 of the GDPR: the EU–US Data Privacy Framework; in addition, EU standard contractual clauses under Article 46',
    safeguard_sv = 'beslut om adekvat skyddsnivå enligt artikel 45 i dataskyddsförordningen: ramverket för dataskydd mellan EU och USA (EU–US Data Privacy Framework); dessutom EU:s standardavtalsklausuler enligt artikel 46'
WHERE name = 'Mailchimp (Intuit Inc.)'
  AND location_id IN (SELECT id FROM data_location WHERE name_en = 'Mailchimp newsletter list');

-- The mailboxes: the text the privacy policy uses, and the mail provider as a processor
-- (a placeholder: the admin enters the provider's name and country in the register).
UPDATE data_location
SET retention_sv = 'Mejlkonversationerna granskas en gång om året, och då raderas mejl som innehåller personuppgifter. Mejl som är räkenskapsinformation sparas så länge bokföringslagen kräver.',
    retention_en = 'Mail conversations are reviewed once a year, when mails containing personal data are deleted. Mails that are accounting records are kept for as long as the Bookkeeping Act requires.',
    updated_at = CURRENT_TIMESTAMP
WHERE name_en = 'Email conversations';

INSERT INTO data_location_recipient (location_id, position, name, role, country, safeguard, safeguard_sv)
SELECT l.id, COALESCE((SELECT MAX(r.position) + 1 FROM data_location_recipient r WHERE r.location_id = l.id), 0),
    '[E-postleverantör / mail provider: fyll i / complete]', 'PROCESSOR', '[land / country]', NULL, NULL
FROM data_location l
WHERE l.name_en = 'Email conversations';

-- Contact details kept for phone calls, text messages and post, as the privacy policy says.
INSERT INTO data_location (name_sv, name_en, description_sv, description_en, kind, data_categories_sv,
    data_categories_en, purposes_sv, purposes_en, legal_basis, source_sv, source_en, retention_sv, retention_en,
    retention_months, erasure_steps_sv, erasure_steps_en, erasure_exceptions_sv, erasure_exceptions_en,
    review_interval_months, next_review_due, active, created_at, updated_at)
VALUES
('Kontaktuppgifter (telefon, sms och post)', 'Contact details (phone, text messages and post)',
 'Kontaktuppgifter som vi använder för att ringa, skicka sms eller skicka brev: i telefoner, adresslistor och kontaktregister.',
 'Contact details we use to call, send text messages or send letters: in phones, address lists and contact registers.',
 'OTHER',
 'Namn, telefonnummer, postadress, e-postadress, företag och roll, och det som står i sms och brev.',
 'Name, phone number, postal address, email address, company and role, and what text messages and letters say.',
 'Att hålla kontakten med kunder, leverantörer och andra per telefon, sms och post.',
 'Keeping in touch with customers, suppliers and others by phone, text message and post.',
 'LEGITIMATE_INTEREST',
 'Personen själv, till exempel på visitkort, i mejl eller i samtal.',
 'The person, for example on a business card, in an email or in a call.',
 'Så länge kontakten behövs; kontaktuppgifterna granskas en gång om året, och då raderas de som inte längre behövs.',
 'For as long as the contact is needed; contact details are reviewed once a year, when those no longer needed are deleted.',
 NULL,
 'Sök på personens namn och telefonnummer i telefonernas kontakter, i adresslistor och i kontaktregistret. Radera träffarna och sms-trådar med personen.',
 'Search the phones'' contacts, the address lists and the contact register for the person''s name and phone number. Delete the matches and text message threads with the person.',
 'Uppgifter som behövs för att fastställa, göra gällande eller försvara rättsliga anspråk.',
 'Data needed to establish, exercise or defend legal claims.',
 12, CAST(CURRENT_DATE + INTERVAL '12' MONTH AS DATE), TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

INSERT INTO data_location_request_type (location_id, request_type)
SELECT l.id, t.request_type
FROM data_location l
CROSS JOIN (VALUES ('ACCESS'), ('ERASURE'), ('OBJECTION'), ('RECTIFICATION'), ('RESTRICTION')) AS t (request_type)
WHERE l.name_en = 'Contact details (phone, text messages and post)';
