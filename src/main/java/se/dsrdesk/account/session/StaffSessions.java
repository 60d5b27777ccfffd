package se.dsrdesk.account.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * A staff member's sessions, as Spring Session keeps them in the database (indexed by the
 * principal's name, the account's email address). Ending a session here ends it on every
 * instance at once: its next request finds no session and is signed out.
 * <p>
 * A session is shown and addressed by a digest of its id, never by the id itself: the id
 * is what the session cookie carries.
 */
@Service
public class StaffSessions {

	/** The session attribute that names the browser a session was signed in from. */
	static final String BROWSER_ATTRIBUTE = "dsr.browser";

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final SessionProperties properties;

	StaffSessions(FindByIndexNameSessionRepository<? extends Session> sessions, SessionProperties properties) {
		this.sessions = sessions;
		this.properties = properties;
	}

	/**
	 * The live sessions of an account, the most recently used first.
	 * @param email the account's email address (the principal's name)
	 * @param currentSessionId the id of the session asking, or {@code null}
	 * @return the sessions
	 */
	public List<StaffSession> of(String email, String currentSessionId) {
		return byPrincipal(email).values()
			.stream()
			.filter((session) -> !session.isExpired())
			.map((session) -> view(session, currentSessionId))
			.sorted(Comparator.comparing(StaffSession::lastUsed).reversed())
			.toList();
	}

	/**
	 * Ends every session of an account.
	 * @param email the account's email address
	 * @return how many sessions were ended
	 */
	public int endAll(String email) {
		return endAllExcept(email, null);
	}

	/**
	 * Ends every session of an account but one.
	 * @param email the account's email address
	 * @param keepSessionId the session to keep, or {@code null} for none
	 * @return how many sessions were ended
	 */
	public int endAllExcept(String email, String keepSessionId) {
		int ended = 0;
		for (String id : byPrincipal(email).keySet()) {
			if (!id.equals(keepSessionId)) {
				this.sessions.deleteById(id);
				ended++;
			}
		}
		return ended;
	}

	/**
	 * Ends one session of an account, named by its handle.
	 * @param email the account's email address
	 * @param handle the session's handle, as {@link StaffSession#handle()} shows it
	 * @return whether a session of that account had that handle
	 */
	public boolean end(String email, String handle) {
		for (String id : byPrincipal(email).keySet()) {
			if (MessageDigest.isEqual(handle(id).getBytes(StandardCharsets.US_ASCII),
					String.valueOf(handle).getBytes(StandardCharsets.US_ASCII))) {
				this.sessions.deleteById(id);
				return true;
			}
		}
		return false;
	}

	private Map<String, ? extends Session> byPrincipal(String email) {
		if (email == null || email.isBlank()) {
			return Map.of();
		}
		return this.sessions.findByPrincipalName(email);
	}

	private StaffSession view(Session session, String currentSessionId) {
		Instant started = session.getCreationTime();
		Duration absolute = this.properties.absoluteTimeout();
		Instant idleEnd = session.getLastAccessedTime().plus(session.getMaxInactiveInterval());
		Instant absoluteEnd = started.plus(absolute);
		Instant ends = idleEnd.isBefore(absoluteEnd) ? idleEnd : absoluteEnd;
		String browser = session.getAttribute(BROWSER_ATTRIBUTE);
		return new StaffSession(handle(session.getId()), started, session.getLastAccessedTime(), ends,
				(browser != null) ? browser : "", session.getId().equals(currentSessionId));
	}

	static String handle(String sessionId) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One session as its owner sees it.
	 *
	 * @param handle names the session in forms, without revealing its id
	 * @param started when it was signed in
	 * @param lastUsed its last request
	 * @param ends when it ends unless used again (idle) and at the latest (absolute)
	 * @param browser the browser it was signed in from, as it named itself (shortened)
	 * @param current whether it is the session looking at the list
	 */
	public record StaffSession(String handle, Instant started, Instant lastUsed, Instant ends, String browser,
			boolean current) {

	}

}
