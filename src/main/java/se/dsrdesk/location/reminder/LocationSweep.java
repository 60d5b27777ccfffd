package se.dsrdesk.location.reminder;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffUser;
import se.dsrdesk.account.StaffUserRepository;
import se.dsrdesk.deadline.DeadlineCalculator;
import se.dsrdesk.notification.OutgoingMail;
import se.dsrdesk.notification.Outbox;
import se.dsrdesk.notification.RecipientKind;
import se.dsrdesk.request.RequestDirectory;
import se.dsrdesk.request.RequestSummary;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.system.ExclusiveJobs;
import se.dsrdesk.location.LegalGround;
import se.dsrdesk.location.LocalizedText;

/**
 * Reminds location owners, on a schedule and once at startup: to erase data whose
 * retention hold has run out, and to review a location whose review is due, with the open
 * requests and standing holds that touch it so that a routine purge does not destroy what
 * a request is about. Each reminder goes out once: the hold's {@code reminded_at} and the
 * location's {@code review_reminded_for} are set, only where still unset, in the
 * transaction that queues the mail. ShedLock keeps sweeps from overlapping. Locations
 * without an active owner remind every active admin.
 */
@Component
public class LocationSweep {

	private static final Logger logger = LoggerFactory.getLogger(LocationSweep.class);

	static final String LOCK_NAME = "location-sweep";

	private final JdbcClient jdbc;

	private final RequestDirectory directory;

	private final TransactionTemplate transactions;

	private final ExclusiveJobs jobs;

	private final DeadlineCalculator calendar;

	private final StaffUserRepository staff;

	private final Outbox outbox;

	private final LocationSweepProperties properties;

	private final Clock clock;

	private final TaskScheduler taskScheduler;

	LocationSweep(JdbcClient jdbc, TransactionTemplate transactions, ExclusiveJobs jobs, DeadlineCalculator calendar,
			StaffUserRepository staff, Outbox outbox, LocationSweepProperties properties, Clock clock,
			TaskScheduler taskScheduler, RequestDirectory directory) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.transactions = transactions;
		this.jobs = jobs;
		this.calendar = calendar;
		this.staff = staff;
		this.outbox = outbox;
		this.properties = properties;
		this.clock = clock;
		this.taskScheduler = taskScheduler;
	}

	@EventListener(ApplicationReadyEvent.class)
	void runAfterStartup() {
		if (this.properties.runAtStartup()) {
			this.taskScheduler.schedule(this::run, Instant.now());
		}
	}

	@Scheduled(cron = "${dsr.locations.sweep.cron:0 20 * * * *}", zone = "${dsr.controller.time-zone:Europe/Stockholm}")
	void scheduled() {
		run();
	}

	/**
	 * Runs one sweep, unless another is running.
	 * @return what it did, or {@code null} when another sweep held the lock or it failed
	 */
	public Report run() {
		return this.jobs.run(LOCK_NAME, this.properties.lockAtMostFor(), this::sweep).result();
	}

	Report sweep() {
		LocalDate today = this.calendar.today(this.clock);
		int holds = remindHolds(today);
		int reviews = remindReviews(today);
		Report report = new Report(holds, reviews);
		logger.info("Location sweep for {}: {}", today, report);
		return report;
	}

	private int remindHolds(LocalDate today) {
		int reminded = 0;
		while (true) {
			List<DueHold> batch = withReferences(this.jdbc.sql("""
					SELECT h.id, h.retained_until, h.legal_ground, h.request_id, l.id, l.name_sv, l.name_en, l.owner_id
					FROM retention_hold h
					JOIN data_location l ON l.id = h.location_id
					WHERE h.erased_at IS NULL AND h.reminded_at IS NULL AND h.retained_until <= ?
					ORDER BY h.retained_until, h.id
					LIMIT ?""")
				.params(Date.valueOf(today), this.properties.batchSize())
				.query((rs, i) -> new DueHold(rs.getLong(1), rs.getObject(2, LocalDate.class),
						LegalGround.valueOf(rs.getString(3)), rs.getLong(4), null, rs.getLong(5),
						new LocalizedText(rs.getString(6), rs.getString(7)), (Long) rs.getObject(8, Long.class)))
				.list());
			if (batch.isEmpty()) {
				return reminded;
			}
			Integer done = this.transactions.execute((status) -> remindHoldBatch(batch, today));
			reminded += (done != null) ? done : 0;
			if (batch.size() < this.properties.batchSize()) {
				return reminded;
			}
		}
	}

	private int remindHoldBatch(List<DueHold> batch, LocalDate today) {
		Timestamp now = Timestamp.from(this.clock.instant());
		Map<Long, StaffUser> recipients = new LinkedHashMap<>();
		Map<Long, List<DueHold>> byRecipient = new LinkedHashMap<>();
		int claimed = 0;
		for (DueHold hold : batch) {
			int updated = this.jdbc
				.sql("UPDATE retention_hold SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL"
						+ " AND erased_at IS NULL")
				.params(now, hold.id())
				.update();
			if (updated == 1) {
				claimed++;
				for (StaffUser recipient : recipientsFor(hold.ownerId())) {
					recipients.putIfAbsent(recipient.getId(), recipient);
					byRecipient.computeIfAbsent(recipient.getId(), (r) -> new ArrayList<>()).add(hold);
				}
			}
		}
		byRecipient.forEach((recipientId, holds) -> {
			StaffUser recipient = recipients.get(recipientId);
			Locale language = Locale.forLanguageTag(recipient.getPreferredLanguage());
			List<Map<String, Object>> items = holds.stream()
				.limit(this.properties.maxItemsPerMail())
				.map((h) -> Map.<String, Object>of("reference", h.reference(), "location",
						h.locationName().in(language), "until", h.retainedUntil(), "ground", h.ground().name(),
						"locationId", h.locationId()))
				.toList();
			Map<String, Object> model = new LinkedHashMap<>();
			model.put("items", items);
			model.put("total", holds.size());
			model.put("more", holds.size() - items.size());
			model.put("today", today);
			model.put(OutgoingMail.SUBJECT_ARGUMENTS, List.of(holds.size()));
			this.outbox.enqueue(
					new OutgoingMail(recipient.getEmail(), RecipientKind.STAFF, language, "hold-due", model, null));
		});
		return claimed;
	}

	private int remindReviews(LocalDate today) {
		List<Long> due = this.jdbc.sql("""
				SELECT id FROM data_location
				WHERE active = TRUE AND next_review_due <= ?
				  AND (review_reminded_for IS NULL OR review_reminded_for <> next_review_due)
				ORDER BY next_review_due, id""").param(Date.valueOf(today)).query(Long.class).list();
		int reminded = 0;
		for (Long locationId : due) {
			Boolean sent = this.transactions.execute((status) -> remindReview(locationId));
			if (Boolean.TRUE.equals(sent)) {
				reminded++;
			}
		}
		return reminded;
	}

	private boolean remindReview(long locationId) {
		int claimed = this.jdbc.sql("""
				UPDATE data_location SET review_reminded_for = next_review_due
				WHERE id = ? AND active = TRUE
				  AND (review_reminded_for IS NULL OR review_reminded_for <> next_review_due)""")
			.param(locationId)
			.update();
		if (claimed == 0) {
			return false;
		}
		Map<String, Object> location = this.jdbc
			.sql("SELECT name_sv, name_en, owner_id, next_review_due FROM data_location WHERE id = ?")
			.param(locationId)
			.query()
			.singleRow();
		LocalizedText name = new LocalizedText((String) location.get("name_sv"), (String) location.get("name_en"));
		LocalDate due = ((java.sql.Date) location.get("next_review_due")).toLocalDate();
		// The requests in hand with a task at the location, and the new ones of a type it
		// handles (their tasks are still to come), as the request module reads them.
		List<Long> withTasks = this.jdbc.sql("SELECT DISTINCT request_id FROM location_task WHERE location_id = ?")
			.param(locationId)
			.query(Long.class)
			.list();
		List<RequestType> types = this.jdbc
			.sql("SELECT request_type FROM data_location_request_type WHERE location_id = ?")
			.param(locationId)
			.query((rs, i) -> RequestType.valueOf(rs.getString(1)))
			.list();
		RequestDirectory.Found touching = this.directory.inHandAmongOrNew(withTasks, types,
				this.properties.maxItemsPerMail());
		long requestTotal = touching.count();
		List<Map<String, Object>> requests = touching.first()
			.stream()
			.map((request) -> Map.<String, Object>of("reference", request.reference(), "type", request.type().name(),
					"status", request.status().name(), "deadline", request.effectiveDeadline()))
			.toList();
		long holdTotal = this.jdbc
			.sql("SELECT COUNT(*) FROM retention_hold WHERE location_id = ? AND erased_at IS NULL")
			.param(locationId)
			.query(Long.class)
			.single();
		List<Map<String, Object>> holds = withReferences(this.jdbc.sql("""
				SELECT h.id, h.retained_until, h.legal_ground, h.request_id
				FROM retention_hold h
				WHERE h.location_id = ? AND h.erased_at IS NULL
				ORDER BY h.retained_until, h.id LIMIT ?""")
			.params(locationId, this.properties.maxItemsPerMail())
			.query((rs, i) -> new DueHold(rs.getLong(1), rs.getObject(2, LocalDate.class),
					LegalGround.valueOf(rs.getString(3)), rs.getLong(4), null, locationId, null, null))
			.list())
			.stream()
			.map((hold) -> Map.<String, Object>of("reference", hold.reference(), "until", hold.retainedUntil(),
					"ground", hold.ground().name()))
			.toList();
		Long ownerId = (location.get("owner_id") != null) ? ((Number) location.get("owner_id")).longValue() : null;
		for (StaffUser recipient : recipientsFor(ownerId)) {
			Locale language = Locale.forLanguageTag(recipient.getPreferredLanguage());
			Map<String, Object> model = new LinkedHashMap<>();
			model.put("locationId", locationId);
			model.put("location", name.in(language));
			model.put("due", due);
			model.put("requests", requests);
			model.put("requestTotal", requestTotal);
			model.put("moreRequests", requestTotal - requests.size());
			model.put("holds", holds);
			model.put("holdTotal", holdTotal);
			model.put("moreHolds", holdTotal - holds.size());
			model.put(OutgoingMail.SUBJECT_ARGUMENTS, List.of(name.in(language)));
			this.outbox.enqueue(new OutgoingMail(recipient.getEmail(), RecipientKind.STAFF, language,
					"location-review-due", model, null));
		}
		return true;
	}

	/**
	 * The location's owner while active, else every active admin.
	 */
	private List<StaffUser> recipientsFor(Long ownerId) {
		if (ownerId != null) {
			StaffUser owner = this.staff.findById(ownerId).filter(StaffUser::isActive).orElse(null);
			if (owner != null) {
				return List.of(owner);
			}
		}
		return this.staff.findActiveWithRole(Role.ADMIN);
	}

	/**
	 * A hold whose date has come.
	 */
	record DueHold(long id, LocalDate retainedUntil, LegalGround ground, long requestId, String reference,
			long locationId, LocalizedText locationName, Long ownerId) {
	}

	/** The holds with the references of their requests, asked of the request module. */
	private List<DueHold> withReferences(List<DueHold> holds) {
		Map<Long, RequestSummary> requests = this.directory.summaries(holds.stream().map(DueHold::requestId).toList());
		return holds.stream()
			.map((hold) -> new DueHold(hold.id(), hold.retainedUntil(), hold.ground(), hold.requestId(),
					requests.get(hold.requestId()).reference(), hold.locationId(), hold.locationName(), hold.ownerId()))
			.toList();
	}

	/**
	 * What a sweep did.
	 *
	 * @param holdsReminded holds whose owners were reminded to erase
	 * @param reviewsReminded locations whose owners were reminded to review
	 */
	public record Report(int holdsReminded, int reviewsReminded) {
	}

}
