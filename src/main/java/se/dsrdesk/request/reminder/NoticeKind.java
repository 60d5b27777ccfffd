package se.dsrdesk.request.reminder;

/**
 * The notices the deadline sweep sends, each at most once per request and deadline.
 */
public enum NoticeKind {

	/**
	 * Working days before the effective deadline, to the assignee or all case handlers.
	 */
	REMINDER("deadline-reminder"),

	/**
	 * The one-month deadline of an unextended request is today: extend today or not at
	 * all.
	 */
	LAST_DAY_TO_EXTEND("extension-last-day"),

	/**
	 * The deadline passed with the request open: to compliance officers and the assignee.
	 */
	OVERDUE("deadline-overdue");

	private final String template;

	NoticeKind(String template) {
		this.template = template;
	}

	String template() {
		return this.template;
	}

}
