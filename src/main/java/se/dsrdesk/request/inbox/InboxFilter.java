package se.dsrdesk.request.inbox;

import java.time.LocalDate;
import java.util.Optional;

import se.dsrdesk.request.RequestStatus;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.system.PlainText;

/**
 * The inbox's filters as they arrive in the query string, so that every view of the inbox
 * is a link that can be bookmarked. A value that does not parse is ignored, not refused:
 * the inbox then shows more, never an error.
 */
public class InboxFilter {

	/** The status filter that shows every status. */
	public static final String ALL = "ALL";

	static final int MAX_DUE_WITHIN = 366;

	static final int MAX_QUERY = 254;

	/** Empty for the open requests, {@link #ALL}, or a {@link RequestStatus} name. */
	private String status;

	private RequestType type;

	/** Empty for anyone, {@code mine}, {@code unassigned}, or a staff user's id. */
	private String assignee;

	private boolean overdue;

	private Integer dueWithin;

	/** Only requests whose deadline is before this date (the API's filter). */
	private LocalDate dueBefore;

	private boolean paused;

	private boolean extended;

	/** Only requests with something new from the person, not yet seen. */
	private boolean fromPerson;

	private String q;

	/** The keyset cursor: the deadline and id of the last row of the previous page. */
	private String after;

	/** The order, as {@link InboxSort} names it; empty for the deadline's. */
	private String sort;

	/**
	 * The order chosen.
	 * @return the order, by deadline unless another was asked for
	 */
	public InboxSort sortOrder() {
		return InboxSort.of(this.sort);
	}

	public String getSort() {
		return this.sort;
	}

	public void setSort(String sort) {
		this.sort = sort;
	}

	/**
	 * The status to show, if one was chosen.
	 * @return the status, empty for the open ones or for all
	 */
	Optional<RequestStatus> chosenStatus() {
		if (this.status == null || this.status.isBlank() || ALL.equals(this.status)) {
			return Optional.empty();
		}
		try {
			return Optional.of(RequestStatus.valueOf(this.status));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	boolean allStatuses() {
		return ALL.equals(this.status);
	}

	/**
	 * The number of days for "due within", when given and sensible.
	 * @return the days, 0 to {@value #MAX_DUE_WITHIN}
	 */
	Optional<Integer> dueWithinDays() {
		return Optional.ofNullable(this.dueWithin).filter((days) -> days >= 0 && days <= MAX_DUE_WITHIN);
	}

	/**
	 * The search text, trimmed.
	 * @return the text, empty when none was given
	 */
	Optional<String> query() {
		if (this.q == null || this.q.isBlank()) {
			return Optional.empty();
		}
		String text = PlainText.nfc(this.q.strip());
		return Optional.of((text.length() > MAX_QUERY) ? text.substring(0, MAX_QUERY) : text);
	}

	/**
	 * Where the page starts.
	 * @return the cursor, empty for the first page or a cursor that does not parse
	 */
	public Optional<Cursor> cursor() {
		if (this.after == null || this.after.isBlank()) {
			return Optional.empty();
		}
		int comma = this.after.indexOf(',');
		if (comma < 0) {
			return Optional.empty();
		}
		try {
			return Optional.of(new Cursor(LocalDate.parse(this.after.substring(0, comma).strip()),
					Long.parseLong(this.after.substring(comma + 1).strip())));
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * A position in the inbox's order: after this date and id.
	 *
	 * @param deadline the date the inbox is ordered by (the effective deadline unless
	 * sorted by receipt date) of the last row shown
	 * @param id the id of the last row shown
	 */
	public record Cursor(LocalDate deadline, long id) {

		@Override
		public String toString() {
			return this.deadline + "," + this.id;
		}

	}

	public String getStatus() {
		return this.status;
	}

	public void setStatus(String status) {
		this.status = status;
	}

	public RequestType getType() {
		return this.type;
	}

	public void setType(RequestType type) {
		this.type = type;
	}

	public String getAssignee() {
		return this.assignee;
	}

	public void setAssignee(String assignee) {
		this.assignee = assignee;
	}

	public boolean isOverdue() {
		return this.overdue;
	}

	public void setOverdue(boolean overdue) {
		this.overdue = overdue;
	}

	public Integer getDueWithin() {
		return this.dueWithin;
	}

	public void setDueWithin(Integer dueWithin) {
		this.dueWithin = dueWithin;
	}

	public LocalDate getDueBefore() {
		return this.dueBefore;
	}

	public void setDueBefore(LocalDate dueBefore) {
		this.dueBefore = dueBefore;
	}

	public boolean isPaused() {
		return this.paused;
	}

	public void setPaused(boolean paused) {
		this.paused = paused;
	}

	public boolean isExtended() {
		return this.extended;
	}

	public void setExtended(boolean extended) {
		this.extended = extended;
	}

	public boolean isFromPerson() {
		return this.fromPerson;
	}

	public void setFromPerson(boolean fromPerson) {
		this.fromPerson = fromPerson;
	}

	public String getQ() {
		return this.q;
	}

	/**
	 * The search text, without control characters: a NUL typed or pasted into the search
	 * box is dropped (PostgreSQL refuses it in text) rather than answered with an error.
	 * @param q what was typed
	 */
	public void setQ(String q) {
		this.q = PlainText.withoutControlCharacters(q);
	}

	public String getAfter() {
		return this.after;
	}

	public void setAfter(String after) {
		this.after = after;
	}

}
