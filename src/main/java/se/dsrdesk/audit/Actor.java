package se.dsrdesk.audit;

/**
 * Who did something: a staff user, or the system itself.
 *
 * @param staffUserId the staff user's id, {@code null} for the system or an unknown
 * person
 * @param label how the actor is shown in the trail
 */
public record Actor(Long staffUserId, String label) {

	/** The application itself, for scheduled and automatic work. */
	public static final Actor SYSTEM = new Actor(null, "system");

	/** Someone who could not be matched to an account, such as a failed sign-in. */
	public static final Actor UNKNOWN = new Actor(null, "unknown");

}
