/**
 * The Mailchimp connector: data locations of kind newsletter platform reached through
 * Mailchimp's Marketing API v3 (find the person, copy the member's record, erase it for
 * good, unsubscribe). See docs/mailchimp.md.
 */
package se.dsrdesk.mailchimp;
