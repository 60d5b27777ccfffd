package se.dsrdesk.location;

import se.dsrdesk.location.persistence.DataLocationRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.account.Role;
import se.dsrdesk.system.Pages;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.StaffUser;
import se.dsrdesk.account.StaffUserRepository;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.audit.Change;
import se.dsrdesk.deadline.DeadlineCalculator;
import se.dsrdesk.system.NotFoundException;
import se.dsrdesk.system.ConcurrentChangeException;

/**
 * The register of data locations: its transactions, each audited, and the reads its pages
 * need. A location is never deleted; one that is no longer used is deactivated.
 */
@Service
@Transactional
public class LocationService {

	static final String TARGET = "DATA_LOCATION";

	private final DataLocationRepository locations;

	private final StaffUserRepository staff;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final DeadlineCalculator calendar;

	private final Clock clock;

	LocationService(DataLocationRepository locations, StaffUserRepository staff, AuditLog audit, JdbcClient jdbc,
			DeadlineCalculator calendar, Clock clock) {
		this.locations = locations;
		this.staff = staff;
		this.audit = audit;
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.clock = clock;
	}

	/**
	 * A page of the register, by name in the reader's language.
	 * @param active whether to list active or deactivated locations
	 * @param locale the reader's locale
	 * @param page the page number, from 0
	 * @param size the page size
	 * @return the page
	 */
	@Transactional(readOnly = true)
	public Page<DataLocation> list(boolean active, Locale locale, int page, int size) {
		String nameColumn = "sv".equals(locale.getLanguage()) ? "name.sv" : "name.en";
		return this.locations.findByActive(active,
				PageRequest.of(Pages.number(page, size), size, Sort.by(nameColumn).and(Sort.by("id"))));
	}

	/**
	 * Open tasks and standing holds per location, for the locations on a page.
	 * @param locationIds the locations
	 * @return the counts by location id; locations without any are absent
	 */
	@Transactional(readOnly = true)
	public Map<Long, Counts> counts(List<Long> locationIds) {
		Map<Long, Counts> counts = new HashMap<>();
		if (locationIds.isEmpty()) {
			return counts;
		}
		this.jdbc
			.sql("SELECT location_id, COUNT(*) FROM location_task WHERE status = 'OPEN' AND location_id IN (:ids)"
					+ " GROUP BY location_id")
			.param("ids", locationIds)
			.query((rs, i) -> counts.put(rs.getLong(1), new Counts(rs.getLong(2), 0)))
			.list();
		this.jdbc
			.sql("SELECT location_id, COUNT(*) FROM retention_hold WHERE erased_at IS NULL AND location_id IN (:ids)"
					+ " GROUP BY location_id")
			.param("ids", locationIds)
			.query((rs, i) -> counts.merge(rs.getLong(1), new Counts(0, rs.getLong(2)),
					(a, b) -> new Counts(a.openTasks(), b.standingHolds())))
			.list();
		return counts;
	}

	@Transactional(readOnly = true)
	public DataLocation get(long id) {
		return this.locations.findDetailedById(id).orElseThrow(() -> new NotFoundException("Data location"));
	}

	/**
	 * Staff who may own a location: active admins and case handlers, by name.
	 * @return the candidates
	 */
	@Transactional(readOnly = true)
	public List<StaffUser> possibleOwners() {
		Map<Long, StaffUser> byId = new LinkedHashMap<>();
		for (Role role : List.of(Role.ADMIN, Role.CASE_HANDLER)) {
			this.staff.findActiveWithRole(role).forEach((user) -> byId.putIfAbsent(user.getId(), user));
		}
		List<StaffUser> owners = new ArrayList<>(byId.values());
		owners.sort(Comparator.comparing(StaffUser::getDisplayName, String.CASE_INSENSITIVE_ORDER)
			.thenComparing(StaffUser::getId));
		return owners;
	}

	/**
	 * Finds a staff user who may own a location.
	 * @param id the staff user's id
	 * @return the user, or {@code null} when there is no such active admin or case
	 * handler
	 */
	@Transactional(readOnly = true)
	public StaffUser possibleOwner(Long id) {
		if (id == null) {
			return null;
		}
		return this.staff.findById(id)
			.filter((user) -> user.isActive() && (user.hasRole(Role.ADMIN) || user.hasRole(Role.CASE_HANDLER)))
			.orElse(null);
	}

	public DataLocation create(LocationDetails details, Actor actor) {
		DataLocation location = this.locations.save(DataLocation.create(details, today(), now()));
		this.audit.record(actor, "LOCATION_CREATED", TARGET, location.getId(), "name=" + details.name().en());
		return location;
	}

	/**
	 * Changes a location.
	 * @param expectedVersion the version the admin edited
	 * @throws ConcurrentChangeException when someone else saved it meanwhile
	 */
	public DataLocation update(long id, long expectedVersion, LocationDetails details, Actor actor) {
		DataLocation location = get(id);
		if (location.getVersion() != expectedVersion) {
			throw new ConcurrentChangeException("location.stale");
		}
		Map<String, Object> before = snapshot(location);
		location.update(details, now());
		Map<String, Object> after = snapshot(location);
		List<String> changed = before.keySet()
			.stream()
			.filter((key) -> !Objects.equals(before.get(key), after.get(key)))
			.toList();
		this.locations.saveAndFlush(location);
		List<Change> changes = changed.stream()
			.map((key) -> new Change(key, shown(before.get(key)), shown(after.get(key))))
			.toList();
		this.audit.record(actor, "LOCATION_UPDATED", TARGET, id, "changed=" + String.join(",", changed), changes);
		return location;
	}

	public DataLocation deactivate(long id, Actor actor) {
		DataLocation location = get(id);
		if (location.isActive()) {
			location.deactivate(now());
			this.audit.record(actor, "LOCATION_DEACTIVATED", TARGET, id, null);
		}
		return location;
	}

	public DataLocation reactivate(long id, Actor actor) {
		DataLocation location = get(id);
		if (!location.isActive()) {
			location.reactivate(now());
			this.audit.record(actor, "LOCATION_REACTIVATED", TARGET, id, null);
		}
		return location;
	}

	/**
	 * Records that a location was reviewed today; the next review is due one interval
	 * later. Its owner or an admin may do this.
	 * @param note what the review found, may be empty
	 * @param reviewer who reviewed it
	 */
	public DataLocation recordReview(long id, String note, StaffPrincipal reviewer) {
		DataLocation location = get(id);
		boolean owner = location.getOwner() != null && location.getOwner().getId().equals(reviewer.id());
		if (!owner && !reviewer.hasRole(Role.ADMIN)) {
			throw new AccessDeniedException("Only the owner or an admin may record a review");
		}
		LocalDate today = today();
		location.reviewed(today, now());
		String trimmed = (note == null || note.isBlank()) ? null : note.strip();
		this.jdbc
			.sql("INSERT INTO location_review (location_id, reviewed_on, reviewer_id, reviewer_label, note, created_at)"
					+ " VALUES (?, ?, ?, ?, ?, ?)")
			.params(id, today, reviewer.id(), reviewer.toActor().label(), trimmed, java.sql.Timestamp.from(now()))
			.update();
		this.audit.record(reviewer.toActor(), "LOCATION_REVIEWED", TARGET, id,
				"next review due " + location.getNextReviewDue());
		return location;
	}

	/**
	 * The latest reviews of a location, newest first.
	 * @param id the location
	 * @param limit how many
	 * @return the reviews
	 */
	@Transactional(readOnly = true)
	public List<Review> reviews(long id, int limit) {
		return this.jdbc
			.sql("SELECT reviewed_on, reviewer_label, note FROM location_review WHERE location_id = ?"
					+ " ORDER BY id DESC LIMIT ?")
			.params(id, limit)
			.query((rs, i) -> new Review(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3)))
			.list();
	}

	private static Map<String, Object> snapshot(DataLocation location) {
		Map<String, Object> values = new TreeMap<>();
		values.put("name", location.getName());
		values.put("description", location.getDescription());
		values.put("kind", location.getKind());
		values.put("owner", (location.getOwner() != null)
				? location.getOwner().getDisplayName() + " (#" + location.getOwner().getId() + ")" : null);
		values.put("dataCategories", location.getDataCategories());
		values.put("purposes", location.getPurposes());
		values.put("legalBasis", location.getLegalBasis());
		values.put("recipients",
				location.getRecipients()
					.stream()
					.map((r) -> r.getName() + "|" + r.getRole() + "|" + r.getCountry() + "|" + r.getSafeguard()
							+ ((r.getSafeguardSv() != null) ? "|" + r.getSafeguardSv() : ""))
					.toList());
		values.put("source", location.getSource());
		values.put("retention", location.getRetention());
		values.put("retentionMonths", location.getRetentionMonths());
		values.put("retentionRule", location.getRetentionRule());
		values.put("erasureSteps", location.getErasureSteps());
		values.put("erasureExceptions", location.getErasureExceptions());
		values.put("reviewIntervalMonths", location.getReviewIntervalMonths());
		values.put("requestTypes", location.getRequestTypes());
		return values;
	}

	/**
	 * A value of the register as the audit trail shows it: both languages of a text,
	 * lists joined with commas.
	 */
	private static String shown(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof LocalizedText text) {
			return (text.isEmpty()) ? null
					: "sv: " + Objects.toString(text.sv(), "") + " | en: " + Objects.toString(text.en(), "");
		}
		if (value instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
		}
		return value.toString();
	}

	private Instant now() {
		return this.clock.instant();
	}

	private LocalDate today() {
		return this.calendar.today(this.clock);
	}

	/**
	 * Open tasks and standing holds at a location.
	 *
	 * @param openTasks tasks not yet done
	 * @param standingHolds holds whose erasure is not recorded
	 */
	public record Counts(long openTasks, long standingHolds) {

		public static final Counts NONE = new Counts(0, 0);

	}

	/**
	 * A recorded review.
	 *
	 * @param reviewedOn the day
	 * @param reviewer who did it
	 * @param note what they noted
	 */
	public record Review(LocalDate reviewedOn, String reviewer, String note) {
	}

}
