package se.dsrdesk.request.inbox;

import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.system.EmailAddresses;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.OpenRequestCounts;
import se.dsrdesk.request.RequestStatistics;
import se.dsrdesk.request.RequestStatus;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.system.QueryPlans;

/**
 * Reads one page of the staff inbox with one query: requests with their person's name and
 * their assignee's name, in (deadline, id) order, most urgent first, starting after a
 * keyset cursor. Paging by cursor instead of OFFSET makes a page deep in a million
 * requests cost what the first page costs: each filter has an index whose order is
 * (deadline, id) after its equality columns (V20, V21), so the database reads only the
 * rows it shows; sorted by receipt date instead, (receipt_date, id) has its indexes too
 * (V36's for every status, {@code RequestStatusSchema}'s for the open ones). Status and
 * type values are bind values, planned with their values (see {@link QueryPlans}), so
 * that PostgreSQL can match its partial indexes to them; unless told otherwise the inbox
 * shows the {@link RequestStatus#OPEN open} requests. Each row says whether the person
 * wrote something not yet seen: a join by primary key to {@code request_person_activity}
 * (V160) for the page's rows, or, filtered to those, a walk of that table's few unseen
 * rows.
 */
@Component
public class InboxQuery {

	static final int PAGE_SIZE = 25;

	private static final Pattern REFERENCE = Pattern.compile("(?i)DSR-\\d{4}-\\d{6}");

	private final JdbcTemplate jdbc;

	private final QueryPlans plans;

	private final ObjectProvider<OpenRequestCounts> keptCounts;

	private final RequestStatistics statistics;

	InboxQuery(JdbcTemplate jdbc, QueryPlans plans, ObjectProvider<OpenRequestCounts> keptCounts,
			RequestStatistics statistics) {
		this.jdbc = jdbc;
		this.statistics = statistics;
		this.plans = plans;
		this.keptCounts = keptCounts;
	}

	/**
	 * One page of the inbox.
	 * @param filter the filters and the cursor
	 * @param currentUserId the reader, for "mine"
	 * @param today today in the controller's time zone, for days left and overdue
	 * @return the rows and whether more follow
	 */
	@Transactional(readOnly = true)
	public InboxPage page(InboxFilter filter, long currentUserId, LocalDate today) {
		StringBuilder sql = new StringBuilder("""
				select r.id, r.reference, r.type, r.status, r.effective_deadline, r.extension_months,
				       r.receipt_date, r.channel, r.version, s.name, u.display_name, a.unread_since
				from dsr_request r
				join data_subject s on s.id = r.data_subject_id
				left join staff_user u on u.id = r.assignee_id
				left join request_person_activity a on a.request_id = r.id
				where 1 = 1""");
		List<Object> args = new ArrayList<>();
		Optional<RequestStatus> status = filter.chosenStatus();
		if (status.isPresent()) {
			sql.append(" and r.status = ?");
			args.add(status.get().name());
		}
		else if (!filter.allStatuses()) {
			statusIn(RequestStatus.OPEN, sql, args);
		}
		if (filter.isPaused()) {
			statusIn(RequestStatus.PAUSED, sql, args);
		}
		if (filter.getType() != null) {
			sql.append(" and r.type = ?");
			args.add(filter.getType().name());
		}
		assignee(filter.getAssignee(), currentUserId, sql, args);
		// A paused request whose deadline has passed stays overdue (a pause cannot hide a
		// late request); one not yet due is not due soon either, as its clock may stand
		// still (the Urgency rule).
		if (filter.isOverdue()) {
			sql.append(" and r.effective_deadline < ?");
			args.add(Date.valueOf(today));
		}
		filter.dueWithinDays().ifPresent((days) -> {
			statusNotIn(RequestStatus.PAUSED, sql, args);
			sql.append(" and r.effective_deadline between ? and ?");
			args.add(Date.valueOf(today));
			args.add(Date.valueOf(today.plusDays(days)));
		});
		if (filter.getDueBefore() != null) {
			sql.append(" and r.effective_deadline < ?");
			args.add(Date.valueOf(filter.getDueBefore()));
		}
		if (filter.isExtended()) {
			sql.append(" and r.extension_months > 0");
		}
		if (filter.isFromPerson()) {
			// Few rows: the planner starts from ix_request_person_activity_unread.
			sql.append(" and a.unread_since is not null");
		}
		filter.query().ifPresent((text) -> search(text, sql, args));
		InboxSort sort = filter.sortOrder();
		filter.cursor().ifPresent((cursor) -> {
			sql.append(" and (").append(sort.column()).append(", r.id) ").append(sort.descending() ? "<" : ">");
			sql.append(" (?, ?)");
			args.add(Date.valueOf(cursor.deadline()));
			args.add(cursor.id());
		});
		String direction = sort.descending() ? " desc" : "";
		sql.append(" order by ").append(sort.column()).append(direction).append(", r.id").append(direction);
		sql.append(" limit ").append(PAGE_SIZE + 1);
		// The best plan depends on the values: a rare name is found through the trigram
		// index, a common filter by walking the deadline order, and only the values say
		// which partial index fits. The JDBC driver switches a statement to a server-side
		// generic plan after five runs, which cannot see the values and walked all
		// million
		// rows for a rare name (measured: over 2 s). For this transaction, plan with the
		// values every time (about 1 ms).
		this.plans.withValues();
		List<InboxRow> rows = this.jdbc.query(sql.toString(), (rs, n) -> {
			LocalDate deadline = rs.getDate("effective_deadline").toLocalDate();
			return new InboxRow(rs.getLong("id"), rs.getString("reference"), RequestType.valueOf(rs.getString("type")),
					RequestStatus.valueOf(rs.getString("status")), deadline, ChronoUnit.DAYS.between(today, deadline),
					rs.getInt("extension_months") > 0, rs.getString("name"), rs.getString("display_name"),
					rs.getDate("receipt_date").toLocalDate(), Channel.valueOf(rs.getString("channel")),
					rs.getLong("version"), rs.getTimestamp("unread_since") != null);
		}, args.toArray());
		boolean more = rows.size() > PAGE_SIZE;
		return new InboxPage(more ? rows.subList(0, PAGE_SIZE) : rows, more, sort);
	}

	/**
	 * How many open requests each quick view of the inbox holds. All open and overdue
	 * come from the counts the dashboard keeps ({@link OpenRequestCounts}), when it is
	 * there; the reader's and the unassigned are counted on the open requests' partial
	 * index {@code ix_dsr_request_open_assignee (assignee_id, effective_deadline, id)},
	 * each a range of that index read without the table (PostgreSQL's index-only scan),
	 * so each costs what its own count is, not what all open requests are (figures at a
	 * million requests in docs/inbox.md).
	 * @param currentUserId the reader, for "mine"
	 * @param today today in the controller's time zone, for overdue
	 * @return the counts
	 */
	@Transactional(readOnly = true)
	public InboxCounts counts(long currentUserId, LocalDate today) {
		this.plans.withValues();
		long mine = countOpen(" and r.assignee_id = ?", currentUserId);
		long unassigned = countOpen(" and r.assignee_id is null");
		long fromPerson = this.statistics.countOpenWithNewFromPerson();
		OpenRequestCounts kept = this.keptCounts.getIfAvailable();
		if (kept != null) {
			return new InboxCounts(mine, unassigned, kept.overdue(today), kept.open(), fromPerson);
		}
		return new InboxCounts(mine, unassigned, countOpen(" and r.effective_deadline < ?", Date.valueOf(today)),
				countOpen(""), fromPerson);
	}

	private long countOpen(String condition, Object... values) {
		StringBuilder sql = new StringBuilder("select count(*) from dsr_request r where 1 = 1");
		List<Object> args = new ArrayList<>();
		statusIn(RequestStatus.OPEN, sql, args);
		sql.append(condition);
		args.addAll(List.of(values));
		Long count = this.jdbc.queryForObject(sql.toString(), Long.class, args.toArray());
		return (count != null) ? count : 0;
	}

	/**
	 * The sizes of the inbox's quick views, all among the open requests.
	 *
	 * @param mine assigned to the reader
	 * @param unassigned assigned to nobody
	 * @param overdue past their deadline, paused or not
	 * @param open every open request
	 * @param fromPerson with something new from the person, not yet seen
	 */
	public record InboxCounts(long mine, long unassigned, long overdue, long open, long fromPerson) {
	}

	private static void statusIn(Set<RequestStatus> statuses, StringBuilder sql, List<Object> args) {
		sql.append(" and r.status in (").append(placeholders(statuses)).append(')');
		args.addAll(RequestStatus.names(statuses));
	}

	private static void statusNotIn(Set<RequestStatus> statuses, StringBuilder sql, List<Object> args) {
		sql.append(" and r.status not in (").append(placeholders(statuses)).append(')');
		args.addAll(RequestStatus.names(statuses));
	}

	private static String placeholders(Set<RequestStatus> statuses) {
		return String.join(", ", Collections.nCopies(statuses.size(), "?"));
	}

	private static void assignee(String assignee, long currentUserId, StringBuilder sql, List<Object> args) {
		if (assignee == null || assignee.isBlank()) {
			return;
		}
		if ("mine".equals(assignee)) {
			sql.append(" and r.assignee_id = ?");
			args.add(currentUserId);
		}
		else if ("unassigned".equals(assignee)) {
			sql.append(" and r.assignee_id is null");
		}
		else {
			try {
				long id = Long.parseLong(assignee);
				sql.append(" and r.assignee_id = ?");
				args.add(id);
			}
			catch (NumberFormatException ex) {
				// Not a person: ignored, like every filter value that does not parse.
			}
		}
	}

	/**
	 * The free-text search, chosen by what was typed so that each kind has an index: a
	 * reference matches exactly (unique index), text with an {@code @} matches the start
	 * of the normalised address (pattern index), anything else a part of the name
	 * (trigram index on PostgreSQL).
	 */
	private static void search(String text, StringBuilder sql, List<Object> args) {
		if (REFERENCE.matcher(text).matches()) {
			sql.append(" and r.reference = ?");
			args.add(text.toUpperCase(Locale.ROOT));
		}
		else if (text.contains("@")) {
			sql.append(" and s.email_key like ?");
			args.add(likeEscaped(EmailAddresses.normalise(text)) + "%");
		}
		else {
			sql.append(" and s.name ilike ?");
			args.add("%" + likeEscaped(text) + "%");
		}
	}

	/** Escapes LIKE's wildcards with the default escape character, the backslash. */
	static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/**
	 * One page.
	 *
	 * @param rows at most {@link #PAGE_SIZE} rows
	 * @param hasMore whether another page follows
	 */
	public record InboxPage(List<InboxRow> rows, boolean hasMore, InboxSort sort) {

		/** A page in the deadline's order. */
		public InboxPage(List<InboxRow> rows, boolean hasMore) {
			this(rows, hasMore, InboxSort.DEADLINE);
		}

		/**
		 * The cursor for the next page.
		 * @return after the last row, empty when there is none
		 */
		public Optional<InboxFilter.Cursor> next() {
			if (!this.hasMore || this.rows.isEmpty()) {
				return Optional.empty();
			}
			InboxRow last = this.rows.get(this.rows.size() - 1);
			return Optional
				.of(new InboxFilter.Cursor(this.sort.byReceipt() ? last.receiptDate() : last.deadline(), last.id()));
		}

	}

	/**
	 * One request as the inbox lists it.
	 *
	 * @param id the request's id
	 * @param reference its reference
	 * @param type what is asked for
	 * @param status its status
	 * @param deadline the effective deadline
	 * @param daysLeft days from today to the deadline, negative when overdue
	 * @param extended whether the deadline was extended
	 * @param name the person's name, {@code null} once erased
	 * @param assigneeName the assignee's display name, {@code null} when unassigned
	 * @param receiptDate the day it was received, from which the deadline runs
	 * @param channel how it was received
	 * @param version the request's version as read, so that a bulk assignment from this
	 * page refuses a request changed since
	 * @param newFromPerson whether the person wrote something (a message or a reply mail)
	 * that the case handler responsible has not seen yet
	 */
	public record InboxRow(long id, String reference, RequestType type, RequestStatus status, LocalDate deadline,
			long daysLeft, boolean extended, String name, String assigneeName, LocalDate receiptDate, Channel channel,
			long version, boolean newFromPerson) {

		/**
		 * The row as the bulk assignment's checkbox sends it.
		 * @return {@code id:version}
		 */
		public String selection() {
			return BulkAssignForm.selection(this.id, this.version);
		}

		/**
		 * How urgent the row is, for its colour and its days-left text.
		 * @return {@code closed}, {@code paused}, {@code overdue}, {@code today},
		 * {@code soon} (within a week) or {@code later}
		 */
		public String urgency() {
			return Urgency.of(this.status, this.daysLeft).key();
		}

	}

}
