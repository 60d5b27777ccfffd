/**
 * The rules of a new request: what its fields may hold, its receipt date, its languages.
 * Published as the named interface {@code rules} so that every form that registers a
 * request (the privacy inbox's too) checks the same rules.
 */
@org.springframework.modulith.NamedInterface("rules")
package se.dsrdesk.request.rules;
