package se.dsrdesk.request.reminder;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffUser;

/**
 * The active staff at the time of one sweep: who gets which notice.
 */
final class StaffDirectory {

	private final Map<Long, Recipient> byId;

	private final List<Recipient> caseHandlers;

	private final List<Recipient> complianceOfficers;

	StaffDirectory(List<StaffUser> activeStaff) {
		this.byId = activeStaff.stream()
			.collect(Collectors.toMap(StaffUser::getId, StaffDirectory::recipient, (a, b) -> a));
		this.caseHandlers = withRole(activeStaff, Role.CASE_HANDLER);
		this.complianceOfficers = withRole(activeStaff, Role.COMPLIANCE_OFFICER);
	}

	/**
	 * Who is told about a request's approaching deadline: its assignee, or every case
	 * handler when it has none (or the assignee is no longer active).
	 */
	List<Recipient> handlersOf(Long assigneeId) {
		Recipient assignee = (assigneeId != null) ? this.byId.get(assigneeId) : null;
		return (assignee != null) ? List.of(assignee) : this.caseHandlers;
	}

	/**
	 * Who is told that a deadline passed: every compliance officer and the assignee.
	 */
	List<Recipient> escalationOf(Long assigneeId) {
		Recipient assignee = (assigneeId != null) ? this.byId.get(assigneeId) : null;
		if (assignee == null || this.complianceOfficers.contains(assignee)) {
			return this.complianceOfficers;
		}
		return Stream.concat(this.complianceOfficers.stream(), Stream.of(assignee)).toList();
	}

	List<Recipient> complianceOfficers() {
		return this.complianceOfficers;
	}

	private static List<Recipient> withRole(List<StaffUser> staff, Role role) {
		return staff.stream().filter((user) -> user.hasRole(role)).map(StaffDirectory::recipient).toList();
	}

	private static Recipient recipient(StaffUser user) {
		return new Recipient(user.getId(), user.getEmail(), Locale.forLanguageTag(user.getPreferredLanguage()));
	}

	/**
	 * A staff member who receives notices.
	 *
	 * @param id the staff user's id
	 * @param email where the notice goes
	 * @param language the language of the notice
	 */
	record Recipient(long id, String email, Locale language) {
	}

}
