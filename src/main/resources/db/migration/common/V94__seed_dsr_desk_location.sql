-- DSR Desk in its own register: what it holds about the people who make requests, so that an
-- access request also covers it. Its retention is the setting dsr.retention.closed-requests
-- (3 years by default); if that setting is changed, change this location's retention text too.

INSERT INTO data_location (name_sv, name_en, description_sv, description_en, kind, data_categories_sv,
    data_categories_en, purposes_sv, purposes_en, legal_basis, source_sv, source_en, retention_sv, retention_en,
    retention_months, erasure_steps_sv, erasure_steps_en, erasure_exceptions_sv, erasure_exceptions_en,
    review_interval_months, next_review_due, active, created_at, updated_at)
VALUES
('DSR Desk (detta verktyg)', 'DSR Desk (this tool)',
 'Verktyget där vi tar emot och handlägger begäranden om personuppgifter.',
 'The tool in which we receive and handle requests about personal data.',
 'OTHER',
 'Namn, e-postadress, telefonnummer, vad personen skrev, hur identiteten kontrollerades, interna anteckningar, bilagor, breven vi skickade och när.',
 'Name, email address, phone number, what the person wrote, how their identity was checked, internal notes, attachments, the letters we sent and when.',
 'Att identifiera personen, handlägga begäran och kunna visa att den besvarades i tid.',
 'Identifying the person, handling the request and being able to show that it was answered in time.',
 'LEGAL_OBLIGATION',
 'Personen själv och vår handläggning.',
 'The person and our handling of the request.',
 'Tre år efter att begäran avslutades; sedan raderas personuppgifterna automatiskt. Typ, datum och utfall sparas för statistiken. Ett ärende kan bevaras längre för rättsliga anspråk.',
 'Three years after the request was closed; the personal data is then erased automatically. Type, dates and outcome are kept for the statistics. A request can be kept longer for legal claims.',
 36,
 'Inget att göra för hand: verktyget gallrar avslutade ärenden när bevarandetiden har gått ut. Bilagor som inte behövs, till exempel kopior av id-handlingar, raderas på ärendets sida.',
 'Nothing to do by hand: the tool purges closed requests when their retention ends. Attachments that are not needed, such as copies of identity documents, are deleted on the request page.',
 'Begäran själv och hur den besvarades sparas under bevarandetiden, eftersom vi måste kunna visa att vi följde reglerna (artikel 17.3 b och e).',
 'The request itself and how it was answered are kept for the retention period, as we must be able to show that we followed the rules (Article 17(3)(b) and (e)).',
 12, CAST(CURRENT_DATE + INTERVAL '12' MONTH AS DATE), TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

INSERT INTO data_location_request_type (location_id, request_type)
SELECT l.id, t.request_type
FROM data_location l
CROSS JOIN (VALUES ('ACCESS'), ('ERASURE'), ('RECTIFICATION'), ('RESTRICTION')) AS t (request_type)
WHERE l.name_en = 'DSR Desk (this tool)';
