package se.dsrdesk.system;

import org.springframework.security.core.Authentication;

/**
 * Announced when a staff page or the API refuses a request for security reasons: 403 (the
 * role does not allow it) or 429 (the client address failed to authenticate too often).
 * The account module writes it to the audit trail, naming the staff member by id only.
 *
 * @param status the HTTP status sent, 403 or 429
 * @param channel {@code PAGE} or {@code API}
 * @param authentication who asked, {@code null} or anonymous when nobody is signed in
 * @param method the HTTP method
 * @param path the path asked for, without the query
 * @param client the client address
 */
public record SecurityRefusal(int status, String channel, Authentication authentication, String method, String path,
		String client) {

}
