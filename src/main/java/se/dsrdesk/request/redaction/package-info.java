/**
 * Masked passages of an answer and their marker. Published as the named interface
 * {@code redaction} so that the answer package masks the data sections exactly as the
 * letter is masked.
 */
@org.springframework.modulith.NamedInterface("redaction")
package se.dsrdesk.request.redaction;
