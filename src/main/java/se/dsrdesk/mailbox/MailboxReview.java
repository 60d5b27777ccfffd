package se.dsrdesk.mailbox;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.SentDateTerm;
import org.eclipse.angus.mail.imap.IMAPFolder;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.location.DataLocation;
import se.dsrdesk.location.LocationService;
import se.dsrdesk.mailbox.MailboxProperties.Mailbox;
import se.dsrdesk.request.OpenRequestAddresses;
import se.dsrdesk.system.RefusedException;

/**
 * The yearly review that the privacy policy promises for mailboxes: the mails older than
 * the location's retention period that mention personal data the tool recognises
 * ({@link PersonalData}), without those tied to an open request (an address of its person
 * in the headers or the text) or kept; the owner deletes them in bulk after looking, and
 * the review is recorded with its counts (never the mails). The server's {@code SEARCH}
 * picks the old mails; only those are read, at most {@link #MAX_READ} per review.
 */
@Service
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class MailboxReview {

	/** The most old mails one review reads. */
	static final int MAX_READ = 2000;

	/** The most mails one review lists. */
	static final int MAX_LISTED = 200;

	private final MailboxConnector connector;

	private final KeptMails kept;

	private final OpenRequestAddresses openRequests;

	private final LocationService locations;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	MailboxReview(MailboxConnector connector, KeptMails kept, OpenRequestAddresses openRequests,
			LocationService locations, JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.connector = connector;
		this.kept = kept;
		this.openRequests = openRequests;
		this.locations = locations;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The mails to review at a location.
	 * @param location the location
	 * @return what to look at
	 */
	Listing list(DataLocation location) {
		if (location.getRetentionMonths() == null || location.getRetentionMonths() <= 0) {
			throw new RefusedException(HttpStatus.CONFLICT, null, "mailbox.review.noRetention");
		}
		LocalDate olderThan = LocalDate.now(this.clock).minusMonths(location.getRetentionMonths());
		Date before = Date.from(olderThan.atStartOfDay(this.clock.getZone()).toInstant());
		Set<String> open = this.openRequests.all();
		List<Row> rows = new ArrayList<>();
		int excluded = 0;
		int read = 0;
		boolean more = false;
		for (Mailbox box : this.connector.mailboxesOf(location)) {
			try (ImapConnection connection = ImapConnection.open(box)) {
				for (Folder each : connection.foldersToSearch()) {
					IMAPFolder folder = (IMAPFolder) each;
					folder.open(Folder.READ_ONLY);
					try {
						Message[] old = folder.search(new SentDateTerm(ComparisonTerm.LT, before));
						int take = Math.min(old.length, MAX_READ - read);
						more |= take < old.length;
						for (int from = 0; from < take; from += 50) {
							Message[] batch = java.util.Arrays.copyOfRange(old, from, Math.min(take, from + 50));
							folder.fetch(batch, MailboxConnector.headers());
							Map<Message, String> ids = new LinkedHashMap<>();
							for (Message message : batch) {
								ids.put(message, MailboxConnector.messageId(message));
							}
							Set<String> held = this.kept.heldAmong(box.name(), ids.values());
							for (Message message : batch) {
								read++;
								String text = String.valueOf(message.getSubject()) + "\n" + MailText.body(message);
								Set<PersonalData.Kind> mentions = PersonalData.in(text);
								if (mentions.isEmpty()) {
									continue;
								}
								if (held.contains(ids.get(message)) || tiedTo(open, message, text)) {
									excluded++;
									continue;
								}
								if (rows.size() >= MAX_LISTED) {
									more = true;
									continue;
								}
								rows.add(row(box, folder, message, mentions));
							}
						}
					}
					finally {
						MailboxConnector.closeQuietly(folder, false);
					}
				}
			}
			catch (MessagingException ex) {
				throw ImapConnection.failure(box, ex);
			}
			catch (IOException ex) {
				throw ImapConnection.failure(box, new MessagingException(ex.getMessage(), ex));
			}
		}
		return new Listing(olderThan, location.getRetentionMonths(), rows, excluded, more);
	}

	/**
	 * Deletes the mails the owner selected after looking, and records the review.
	 * @param location the location
	 * @param hitIds the mails to delete (may be none)
	 * @param listed how many the review listed
	 * @param excluded how many it left out
	 * @param reviewer who reviewed
	 * @return what was deleted and skipped
	 */
	Outcome delete(DataLocation location, List<String> hitIds, int listed, int excluded, StaffPrincipal reviewer) {
		checkMayReview(location, reviewer);
		int deleted = 0;
		int skipped = 0;
		Map<String, Mailbox> byName = new LinkedHashMap<>();
		this.connector.mailboxesOf(location).forEach((box) -> byName.put(box.name(), box));
		Map<Mailbox, Map<String, List<MailHitId>>> grouped = new LinkedHashMap<>();
		for (String text : (hitIds != null) ? hitIds : List.<String>of()) {
			MailHitId id = MailHitId.parse(text);
			Mailbox box = byName.get(id.mailbox());
			if (box == null) {
				throw new se.dsrdesk.location.connector.ConnectorException("mailbox.failure.unknownMailbox",
						id.mailbox());
			}
			grouped.computeIfAbsent(box, (key) -> new LinkedHashMap<>())
				.computeIfAbsent(id.folder(), (key) -> new ArrayList<>())
				.add(id);
		}
		for (Map.Entry<Mailbox, Map<String, List<MailHitId>>> perBox : grouped.entrySet()) {
			try (ImapConnection connection = ImapConnection.open(perBox.getKey())) {
				for (Map.Entry<String, List<MailHitId>> perFolder : perBox.getValue().entrySet()) {
					MailboxConnector.Erased erased = this.connector.erase(connection, perFolder.getKey(),
							perFolder.getValue(), false);
					deleted += erased.count();
					skipped += perFolder.getValue().size() - erased.count();
				}
			}
			catch (MessagingException ex) {
				throw ImapConnection.failure(perBox.getKey(), ex);
			}
		}
		record(location, listed, excluded, deleted, skipped, reviewer);
		return new Outcome(deleted, skipped, listed);
	}

	/**
	 * Refuses anyone but the location's owner or an admin.
	 * @param location the location
	 * @param who who asks
	 */
	void checkMayReview(DataLocation location, StaffPrincipal who) {
		boolean owner = location.getOwner() != null && location.getOwner().getId().equals(who.id());
		if (!owner && !who.hasRole(Role.ADMIN)) {
			throw new AccessDeniedException("Only the owner or an admin reviews a location's mailboxes");
		}
	}

	private void record(DataLocation location, int listed, int excluded, int deleted, int skipped,
			StaffPrincipal reviewer) {
		LocalDate olderThan = LocalDate.now(this.clock)
			.minusMonths((location.getRetentionMonths() != null) ? location.getRetentionMonths() : 0);
		this.jdbc.sql("""
				INSERT INTO mailbox_review (location_id, reviewed_at, reviewer_id, older_than, listed, excluded,
				    deleted, skipped)
				VALUES (:location, :now, :reviewer, :olderThan, :listed, :excluded, :deleted, :skipped)""")
			.param("location", location.getId())
			.param("now", Timestamp.from(this.clock.instant()))
			.param("reviewer", reviewer.id())
			.param("olderThan", olderThan)
			.param("listed", listed)
			.param("excluded", excluded)
			.param("deleted", deleted)
			.param("skipped", skipped)
			.update();
		this.audit.record(reviewer.toActor(), "MAILBOX_REVIEW", "DATA_LOCATION", location.getId(),
				"listed=" + listed + "; excluded=" + excluded + "; deleted=" + deleted + "; skipped=" + skipped);
		this.locations.recordReview(location.getId(), String.format(Locale.ROOT,
				"mailboxes: listed %d, left out %d, deleted %d, skipped %d", listed, excluded, deleted, skipped),
				reviewer);
	}

	private static boolean tiedTo(Set<String> open, Message message, String text) throws MessagingException {
		if (open.isEmpty()) {
			return false;
		}
		Set<String> addresses = new HashSet<>(PersonalData.emails(text));
		collect(addresses, message.getFrom());
		collect(addresses, message.getAllRecipients());
		addresses.retainAll(open);
		return !addresses.isEmpty();
	}

	private static void collect(Set<String> into, Address[] addresses) {
		if (addresses != null) {
			for (Address address : addresses) {
				if (address instanceof InternetAddress internet && internet.getAddress() != null) {
					into.add(internet.getAddress().toLowerCase(Locale.ROOT));
				}
			}
		}
	}

	private Row row(Mailbox box, IMAPFolder folder, Message message, Set<PersonalData.Kind> mentions)
			throws MessagingException {
		MailHitId id = new MailHitId(box.name(), folder.getFullName(), folder.getUIDValidity(), folder.getUID(message));
		Date date = (message.getSentDate() != null) ? message.getSentDate() : message.getReceivedDate();
		ZoneId zone = this.clock.getZone();
		return new Row(id.toString(), box.name(), folder.getFullName(),
				(date != null) ? date.toInstant().atZone(zone).toLocalDate() : null,
				MailText.addresses(message.getFrom()), String.valueOf(message.getSubject()), mentions,
				MailboxConnector.messageId(message));
	}

	/**
	 * What a review lists.
	 *
	 * @param olderThan mails sent before this day
	 * @param retentionMonths the location's retention period
	 * @param rows the mails to look at
	 * @param excluded how many were left out (open request or kept)
	 * @param more whether more were found than listed or read
	 */
	record Listing(LocalDate olderThan, int retentionMonths, List<Row> rows, int excluded, boolean more) {
	}

	/**
	 * One old mail that mentions personal data.
	 *
	 * @param id how it is found again
	 * @param mailbox the mailbox
	 * @param folder the folder
	 * @param date when it was sent
	 * @param from its sender
	 * @param subject its subject
	 * @param mentions what it mentions
	 * @param messageId its Message-ID, to mark it kept
	 */
	record Row(String id, String mailbox, String folder, LocalDate date, String from, String subject,
			Set<PersonalData.Kind> mentions, String messageId) {
	}

	/**
	 * What the bulk delete did.
	 *
	 * @param deleted how many the server confirmed deleted
	 * @param skipped how many were not (kept, already gone)
	 * @param listed how many the review listed
	 */
	record Outcome(int deleted, int skipped, int listed) {
	}

}
