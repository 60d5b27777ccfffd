package se.dsrdesk.account.session;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session that has lived longer than the absolute lifetime, however busy it was,
 * before Spring Security reads it; and notes the browser a session was signed in from,
 * for the owner's list of sessions. Runs right after Spring Session's filter. Never
 * creates a session.
 */
class SessionLifetimeFilter extends OncePerRequestFilter {

	private static final int MAX_BROWSER_LENGTH = 160;

	private final SessionProperties properties;

	private final Clock clock;

	SessionLifetimeFilter(SessionProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null) {
			Instant started = Instant.ofEpochMilli(session.getCreationTime());
			if (!started.plus(this.properties.absoluteTimeout()).isAfter(this.clock.instant())) {
				session.invalidate();
			}
			else if (session.getAttribute(StaffSessions.BROWSER_ATTRIBUTE) == null) {
				session.setAttribute(StaffSessions.BROWSER_ATTRIBUTE, browser(request.getHeader("User-Agent")));
			}
		}
		chain.doFilter(request, response);
	}

	static String browser(String userAgent) {
		if (userAgent == null) {
			return "";
		}
		String plain = userAgent.replaceAll("\\p{Cntrl}", "").strip();
		return (plain.length() > MAX_BROWSER_LENGTH) ? plain.substring(0, MAX_BROWSER_LENGTH) : plain;
	}

}
