package se.dsrdesk.account.session;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.mfa.MfaAudit;
import se.dsrdesk.audit.AuditLog;

/**
 * Ends a session that has lived longer than the absolute lifetime, however busy it was,
 * before Spring Security reads it; and notes the browser a session was signed in from,
 * for the owner's list of sessions. Runs right after Spring Session's filter. Never
 * creates a session.
 */
class SessionLifetimeFilter extends OncePerRequestFilter {

	private static final int MAX_BROWSER_LENGTH = 160;

	/** When the session began, in epoch milliseconds of the application's clock. */
	static final String STARTED_ATTRIBUTE = "dsr.session.started";

	private final SessionProperties properties;

	private final Clock clock;

	private final AuditLog auditLog;

	SessionLifetimeFilter(SessionProperties properties, Clock clock, AuditLog auditLog) {
		this.properties = properties;
		this.clock = clock;
		this.auditLog = auditLog;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null) {
			Object started = session.getAttribute(STARTED_ATTRIBUTE);
			if (started instanceof Long millis && !Instant.ofEpochMilli(millis)
				.plus(this.properties.absoluteTimeout())
				.isAfter(this.clock.instant())) {
				Long id = staffUserId(session);
				session.invalidate();
				if (id != null) {
					this.auditLog.record(MfaAudit.actor(id), "SESSION_EXPIRED", "STAFF_USER", id,
							"absolute lifetime reached");
				}
			}
			else if (session.getAttribute(StaffSessions.BROWSER_ATTRIBUTE) == null) {
				session.setAttribute(StaffSessions.BROWSER_ATTRIBUTE, browser(request.getHeader("User-Agent")));
			}
		}
		chain.doFilter(request, response);
		// The start is read from the application's clock, like the check above (the
		// session's own creation time comes from the system clock): set when the session
		// first appears, at sign-in; the session id changes then, its attributes stay.
		HttpSession after = request.getSession(false);
		if (after != null && after.getAttribute(STARTED_ATTRIBUTE) == null) {
			after.setAttribute(STARTED_ATTRIBUTE, this.clock.instant().toEpochMilli());
		}
	}

	static String browser(String userAgent) {
		if (userAgent == null) {
			return "";
		}
		String plain = userAgent.replaceAll("\\p{Cntrl}", "").strip();
		return (plain.length() > MAX_BROWSER_LENGTH) ? plain.substring(0, MAX_BROWSER_LENGTH) : plain;
	}

	private static Long staffUserId(HttpSession session) {
		if (session.getAttribute(
				HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context
				&& context.getAuthentication() != null
				&& context.getAuthentication().getPrincipal() instanceof StaffPrincipal principal) {
			return principal.id();
		}
		return null;
	}

}
