/**
 * Where the systems that hold personal data meet the tasks: the findings a task carries
 * (the data itself, as records of fields and as files, not the case handler's summary)
 * and the small interface each connector implements (Mailchimp, company mailboxes, later
 * others). Published to other modules as the named interface {@code connector}: the
 * connectors deliver into {@link se.dsrdesk.location.connector.TaskFindings}, and the
 * answer package reads from it.
 */
@org.springframework.modulith.NamedInterface("connector")
package se.dsrdesk.location.connector;
