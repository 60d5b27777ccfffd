package se.dsrdesk.mailchimp;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffUser;
import se.dsrdesk.account.StaffUserRepository;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.location.DataLocation;
import se.dsrdesk.location.LocationKind;
import se.dsrdesk.location.LocationService;
import se.dsrdesk.location.ProtectedAddresses;
import se.dsrdesk.location.connector.ConnectorException;
import se.dsrdesk.notification.OutgoingMail;
import se.dsrdesk.notification.Outbox;
import se.dsrdesk.notification.RecipientKind;
import se.dsrdesk.system.ExclusiveJobs;

/**
 * The policy's promise "we delete you": on a schedule, when turned on, members who
 * unsubscribed more than {@code dsr.mailchimp.purge.after} ago are deleted for good
 * ({@code POST /lists/{list_id}/members/{hash}/actions/delete-permanent}; {@code DELETE},
 * which only archives, is never used). They are picked with {@code GET
 * /lists/{list_id}/members?status=unsubscribed&before_last_changed=...}, paged with
 * {@code count}/{@code offset}, all pages read before anything is deleted (deleting
 * shifts the offsets). Members whose address is tied to an open request or a standing
 * hold ({@link ProtectedAddresses}) are kept. The owners of the newsletter locations (or
 * the admins) get a report by mail; the audit has counts per audience, never an address.
 */
@Component
class MailchimpPurge {

	private static final Logger log = LoggerFactory.getLogger(MailchimpPurge.class);

	static final String LOCK_NAME = "mailchimp-purge";

	static final String LETTER = "mailchimp-purge";

	private final MailchimpClient client;

	private final MailchimpProperties mailchimp;

	private final MailchimpPurgeProperties properties;

	private final ProtectedAddresses guard;

	private final LocationService locations;

	private final StaffUserRepository staff;

	private final Outbox outbox;

	private final AuditLog audit;

	private final ExclusiveJobs jobs;

	private final TransactionTemplate transactions;

	private final Clock clock;

	MailchimpPurge(MailchimpClient client, MailchimpProperties mailchimp, MailchimpPurgeProperties properties,
			ProtectedAddresses guard, LocationService locations, StaffUserRepository staff, Outbox outbox,
			AuditLog audit, ExclusiveJobs jobs, TransactionTemplate transactions, Clock clock) {
		this.client = client;
		this.mailchimp = mailchimp;
		this.properties = properties;
		this.guard = guard;
		this.locations = locations;
		this.staff = staff;
		this.outbox = outbox;
		this.audit = audit;
		this.jobs = jobs;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(cron = "${dsr.mailchimp.purge.cron:0 50 2 * * *}", zone = "${dsr.controller.time-zone:Europe/Stockholm}")
	void scheduled() {
		if (this.properties.enabled() && this.mailchimp.connected()) {
			this.jobs.run(LOCK_NAME, this.properties.lockAtMostFor(), this::purge);
		}
	}

	/**
	 * Runs one purge (without the lock: the schedule takes it).
	 * @return what it did
	 */
	Report purge() {
		Instant before = this.clock.instant().minus(this.properties.after()).truncatedTo(ChronoUnit.SECONDS);
		Set<String> protectedAddresses = this.guard.all();
		List<Audience> audiences = new ArrayList<>();
		String failure = null;
		int budget = this.properties.maxPerRun();
		List<String> listIds;
		try {
			listIds = audiences();
		}
		catch (ConnectorException ex) {
			// The owner still hears that nothing was done.
			listIds = List.of();
			failure = ex.getMessage();
		}
		for (String listId : listIds) {
			Audience audience = new Audience(listId);
			audiences.add(audience);
			try {
				List<String> hashes = select(audience, before, protectedAddresses);
				for (String hash : hashes) {
					if (budget <= 0) {
						audience.left++;
						continue;
					}
					budget--;
					if (this.client
						.post("delete-permanent", listId, "/lists/{list}/members/{hash}/actions/delete-permanent", null,
								listId, hash)
						.isPresent()) {
						audience.deleted++;
					}
					else {
						audience.gone++;
					}
				}
			}
			catch (ConnectorException ex) {
				// Stop here: what was confirmed stays counted, the rest waits for the
				// next run.
				failure = ex.getMessage();
				audience.failed = true;
				break;
			}
		}
		Report report = new Report(before, audiences, failure);
		this.transactions.executeWithoutResult((status) -> record(report));
		log.info("Mailchimp purge of members unsubscribed before {}: deleted {}, kept {}, failed {}", before,
				report.deleted(), report.kept(), failure != null);
		return report;
	}

	/** The unsubscribed members last changed before the time, without protected ones. */
	private List<String> select(Audience audience, Instant before, Set<String> protectedAddresses) {
		List<String> hashes = new ArrayList<>();
		int offset = 0;
		while (true) {
			JsonNode page = this.client
				.get("unsubscribed-members", audience.listId,
						"/lists/{list}/members?status=unsubscribed&before_last_changed={before}"
								+ "&fields=total_items,members.email_address,members.status,members.last_changed"
								+ "&count={count}&offset={offset}",
						audience.listId, before.toString(), this.properties.pageSize(), offset)
				.orElse(null);
			if (page == null) {
				return hashes;
			}
			JsonNode members = page.path("members");
			for (JsonNode member : members) {
				String address = member.path("email_address").asString("").strip().toLowerCase(Locale.ROOT);
				if (address.isEmpty() || !"unsubscribed".equals(member.path("status").asString(""))
						|| !changedBefore(member.path("last_changed").asString(""), before)) {
					continue;
				}
				if (protectedAddresses.contains(address)) {
					audience.kept++;
				}
				else {
					hashes.add(MailchimpConnector.subscriberHash(address));
				}
			}
			offset += members.size();
			if (members.isEmpty() || offset >= page.path("total_items").asInt(0)) {
				return hashes;
			}
		}
	}

	/** Whether Mailchimp's time (ISO 8601 with an offset) is before the time. */
	private static boolean changedBefore(String lastChanged, Instant before) {
		try {
			return java.time.OffsetDateTime.parse(lastChanged).toInstant().isBefore(before);
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	private List<String> audiences() {
		if (!this.mailchimp.audiences().isEmpty()) {
			return this.mailchimp.audiences();
		}
		List<String> ids = new ArrayList<>();
		this.client.get("audiences", null, "/lists?fields=lists.id&count=1000")
			.ifPresent((lists) -> lists.path("lists").forEach((list) -> ids.add(list.path("id").asString(""))));
		return ids.stream().filter((id) -> !id.isEmpty()).toList();
	}

	private void record(Report report) {
		for (Audience audience : report.audiences()) {
			this.audit.record(Actor.SYSTEM, "MAILCHIMP_PURGE", "MAILCHIMP_AUDIENCE", audience.listId,
					"unsubscribedBefore=" + report.before() + "; deleted=" + audience.deleted + "; kept="
							+ audience.kept + "; alreadyGone=" + audience.gone + "; leftForNextRun=" + audience.left
							+ "; failed=" + audience.failed);
		}
		Map<Long, StaffUser> recipients = new LinkedHashMap<>();
		for (DataLocation location : this.locations.list(true, Locale.ROOT, 0, 100)) {
			if (location.getKind() == LocationKind.NEWSLETTER_PLATFORM && location.getOwner() != null) {
				this.staff.findById(location.getOwner().getId())
					.filter(StaffUser::isActive)
					.ifPresent((owner) -> recipients.putIfAbsent(owner.getId(), owner));
			}
		}
		if (recipients.isEmpty()) {
			this.staff.findActiveWithRole(Role.ADMIN).forEach((admin) -> recipients.putIfAbsent(admin.getId(), admin));
		}
		for (StaffUser recipient : recipients.values()) {
			this.outbox.enqueue(new OutgoingMail(recipient.getEmail(), RecipientKind.STAFF,
					Locale.forLanguageTag(recipient.getPreferredLanguage()), LETTER,
					model(report, report.before().atZone(this.clock.getZone()).toLocalDate()), null));
		}
	}

	/** The report mail's model: counts and audience ids, no address. */
	static Map<String, Object> model(Report report, java.time.LocalDate before) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("before", before);
		model.put("audiences",
				report.audiences()
					.stream()
					.map((a) -> Map.<String, Object>of("id", a.listId, "deleted", a.deleted, "kept", a.kept, "gone",
							a.gone, "left", a.left, "failed", a.failed))
					.toList());
		model.put("deleted", report.deleted());
		model.put("kept", report.kept());
		model.put("failed", report.failure() != null);
		model.put(OutgoingMail.SUBJECT_ARGUMENTS, List.of(report.deleted()));
		return model;
	}

	/** What one audience's purge did (counts only). */
	static final class Audience {

		final String listId;

		int deleted;

		int kept;

		int gone;

		int left;

		boolean failed;

		Audience(String listId) {
			this.listId = listId;
		}

	}

	/**
	 * What a purge did.
	 *
	 * @param before members unsubscribed (last changed) before this time were deleted
	 * @param audiences per audience
	 * @param failure the refusal that stopped it, or {@code null}
	 */
	record Report(Instant before, List<Audience> audiences, String failure) {

		int deleted() {
			return this.audiences.stream().mapToInt((a) -> a.deleted).sum();
		}

		int kept() {
			return this.audiences.stream().mapToInt((a) -> a.kept).sum();
		}

	}

}
