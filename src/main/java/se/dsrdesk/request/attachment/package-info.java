/**
 * Files attached to a request. Published as a named interface: the privacy inbox (module
 * {@code mailbox}) attaches the files of a person's mails with the same allow-list and
 * size limit as uploads.
 */
@org.springframework.modulith.NamedInterface("attachment")
package se.dsrdesk.request.attachment;
