package se.dsrdesk.system;

/**
 * The health probe reached the mail server: mail that waits out a back-off because the
 * server could not be reached may go now.
 */
public record MailServerAnswered() {
}
