-- The locations the company's privacy policy names, in Swedish and English. They have no owner yet:
-- until an admin names one, reminders about them go to the admins. The first review is due one
-- interval after installation.

INSERT INTO data_location (name_sv, name_en, description_sv, description_en, kind, data_categories_sv,
    data_categories_en, purposes_sv, purposes_en, legal_basis, source_sv, source_en, retention_sv, retention_en,
    retention_months, erasure_steps_sv, erasure_steps_en, erasure_exceptions_sv, erasure_exceptions_en,
    review_interval_months, next_review_due, active, created_at, updated_at)
VALUES
('Nyhetsbrevslistan i Mailchimp', 'Mailchimp newsletter list',
 'Prenumeranterna på vårt nyhetsbrev, som skickas med Mailchimp.',
 'The subscribers to our newsletter, which is sent with Mailchimp.',
 'NEWSLETTER_PLATFORM',
 'Namn, e-postadress, prenumerationsstatus, öppnings- och klickstatistik.',
 'Name, email address, subscription status, open and click statistics.',
 'Att skicka nyhetsbrevet till dem som har anmält sig.',
 'Sending the newsletter to those who signed up for it.',
 'CONSENT',
 'Personen själv, via anmälningsformuläret.',
 'The person, through the sign-up form.',
 'Så länge prenumerationen gäller. Den som avregistrerar sig tas bort ur listan inom 30 dagar.',
 'For as long as the subscription lasts. Whoever unsubscribes is removed from the list within 30 days.',
 NULL,
 'Logga in i Mailchimp. Audience → All contacts: sök på e-postadressen. Välj kontakten, Actions → Delete permanently (inte bara Archive eller Unsubscribe). Anteckna datumet i uppgiften.',
 'Sign in to Mailchimp. Audience → All contacts: search for the email address. Select the contact, Actions → Delete permanently (not just Archive or Unsubscribe). Note the date in the task.',
 'Normalt inga. Vill personen bara slippa utskick räcker en avregistrering.',
 'Normally none. If the person only wants no more mailings, unsubscribing is enough.',
 12, CAST(CURRENT_DATE + INTERVAL '12' MONTH AS DATE), TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
('E-postkonversationer', 'Email conversations',
 'Brevlådorna där vi tar emot och besvarar e-post från kunder och andra.',
 'The mailboxes where we receive and answer email from customers and others.',
 'MAILBOX',
 'Namn, e-postadress och det som står i meddelandena.',
 'Name, email address and whatever the messages contain.',
 'Att besvara frågor och sköta kontakten med kunder, leverantörer och andra.',
 'Answering questions and keeping in touch with customers, suppliers and others.',
 'LEGITIMATE_INTEREST',
 'Personen själv och de personer vi korresponderar med.',
 'The person and those we correspond with.',
 'Brevlådorna granskas och rensas en gång om året: konversationer som inte längre behövs raderas.',
 'The mailboxes are reviewed and purged once a year: conversations that are no longer needed are deleted.',
 NULL,
 'Sök på personens e-postadress och namn i alla delade och personliga brevlådor. Radera träffarna och töm sedan mappen Borttaget.',
 'Search every shared and personal mailbox for the person''s email address and name. Delete the matches, then empty the Deleted Items folder.',
 'Meddelanden som är räkenskapsinformation (till exempel fakturor) sparas enligt bokföringslagen. Meddelanden som behövs för att fastställa, göra gällande eller försvara rättsliga anspråk.',
 'Messages that are bookkeeping records (invoices, for example) are kept under the Swedish Bookkeeping Act. Messages needed to establish, exercise or defend legal claims.',
 12, CAST(CURRENT_DATE + INTERVAL '12' MONTH AS DATE), TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
('Interna dokument', 'Internal documents',
 'Dokument, kalkylark och anteckningar på den gemensamma lagringsytan.',
 'Documents, spreadsheets and notes in the shared document store.',
 'DOCUMENT_STORE',
 'Namn och kontaktuppgifter, och det som dokumenten handlar om.',
 'Names and contact details, and whatever the documents are about.',
 'Att planera och utföra uppdrag och sköta verksamheten.',
 'Planning and carrying out assignments and running the business.',
 'LEGITIMATE_INTEREST',
 'Personen själv, kunder och vår egen personal.',
 'The person, customers and our own staff.',
 'Så länge dokumentet behövs för sitt ändamål; granskas årligen.',
 'For as long as the document is needed for its purpose; reviewed yearly.',
 NULL,
 'Sök på personens namn och e-postadress på lagringsytan. Radera eller avidentifiera dokumenten och töm papperskorgen.',
 'Search the document store for the person''s name and email address. Delete or de-identify the documents and empty the recycle bin.',
 'Dokument som behövs för att fastställa, göra gällande eller försvara rättsliga anspråk.',
 'Documents needed to establish, exercise or defend legal claims.',
 12, CAST(CURRENT_DATE + INTERVAL '12' MONTH AS DATE), TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
('Bokföringsunderlag', 'Bookkeeping records',
 'Verifikationer, fakturor och annan räkenskapsinformation i bokföringssystemet.',
 'Vouchers, invoices and other accounting information in the bookkeeping system.',
 'ACCOUNTING',
 'Namn, adress, organisations- eller personnummer, köp och betalningar.',
 'Name, address, organisation or personal identity number, purchases and payments.',
 'Att fullgöra bokföringsskyldigheten.',
 'Meeting the statutory duty to keep accounts.',
 'LEGAL_OBLIGATION',
 'Kunder och leverantörer, genom fakturor och betalningar.',
 'Customers and suppliers, through invoices and payments.',
 'Räkenskapsinformation bevaras till och med det sjunde året efter utgången av det kalenderår då räkenskapsåret avslutades (bokföringslagen 7 kap. 2 §).',
 'Accounting information is kept until the end of the seventh year after the end of the calendar year in which the financial year ended (Swedish Bookkeeping Act, chapter 7, section 2).',
 NULL,
 'Räkenskapsinformation får inte raderas före lagringstidens slut. Anteckna i uppgiften vilka underlag som finns och till vilket datum de sparas; radera dem när tiden har gått ut.',
 'Accounting information may not be erased before the retention period ends. Note in the task which records exist and until when they are kept; erase them when that time has passed.',
 'Bokföringslagen 7 kap. 2 §: räkenskapsinformation sparas till och med det sjunde året efter utgången av det kalenderår då räkenskapsåret avslutades.',
 'Swedish Bookkeeping Act, chapter 7, section 2: accounting information is kept until the end of the seventh year after the end of the calendar year in which the financial year ended.',
 12, CAST(CURRENT_DATE + INTERVAL '12' MONTH AS DATE), TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

-- Which request types each applies to. Bookkeeping is kept under a legal obligation: an objection
-- (Art. 21, legitimate interest) and portability (Art. 20, consent or contract) do not reach it.
INSERT INTO data_location_request_type (location_id, request_type)
SELECT l.id, t.request_type
FROM data_location l
CROSS JOIN (VALUES ('ACCESS'), ('ERASURE'), ('OBJECTION'), ('RECTIFICATION'), ('RESTRICTION'), ('PORTABILITY'))
    AS t (request_type)
WHERE l.name_en IN ('Mailchimp newsletter list', 'Email conversations', 'Internal documents');

INSERT INTO data_location_request_type (location_id, request_type)
SELECT l.id, t.request_type
FROM data_location l
CROSS JOIN (VALUES ('ACCESS'), ('ERASURE'), ('RECTIFICATION'), ('RESTRICTION')) AS t (request_type)
WHERE l.name_en = 'Bookkeeping records';

INSERT INTO data_location_recipient (location_id, position, name, role, country, safeguard)
SELECT l.id, 0, 'Mailchimp (Intuit Inc.)', 'PROCESSOR', 'USA',
    'EU–US Data Privacy Framework; EU standard contractual clauses (SCCs)'
FROM data_location l
WHERE l.name_en = 'Mailchimp newsletter list';
