/**
 * The company's mailboxes over IMAP: a
 * {@link se.dsrdesk.location.connector.LocationConnector} that finds a person's mails
 * with server-side {@code SEARCH}, copies the selected ones into the task's findings
 * (readable text and the original {@code .eml}), erases exactly the selected ones unless
 * a mail is kept (a hold), tests the connection, and runs the yearly review of old mails
 * that mention personal data ({@code docs/mailbox.md}).
 */
package se.dsrdesk.mailbox;
