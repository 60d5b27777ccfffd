package se.dsrdesk.mailbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.SearchTerm;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import se.dsrdesk.location.DataLocation;
import se.dsrdesk.location.connector.ConnectorException;
import se.dsrdesk.location.connector.ConnectorSubject;
import se.dsrdesk.location.connector.Hit;
import se.dsrdesk.location.connector.LocationConnector;
import se.dsrdesk.location.connector.NewFinding;
import se.dsrdesk.location.connector.Receipt;
import se.dsrdesk.location.connector.SearchResult;
import se.dsrdesk.mailbox.MailboxProperties.DeleteMode;
import se.dsrdesk.mailbox.MailboxProperties.Mailbox;

/**
 * The company's mailboxes of a data location, over IMAP. Looking uses the server's
 * {@code SEARCH} (never a download of the mailbox) and fetches the headers of one page of
 * hits at a time; copying fetches the selected mails whole; erasing flags exactly the
 * selected UIDs {@code \Deleted} and expunges them by UID (or moves them to the trash and
 * expunges them there), skipping kept mails, and reports only what the server confirmed.
 * Every connection is closed on every path.
 */
@Component
class MailboxConnector implements LocationConnector {

	static final String NAME = "mailbox";

	/** The capability by which Gmail's IMAP server makes itself known. */
	static final String GMAIL = "X-GM-EXT-1";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final MailboxProperties properties;

	private final KeptMails kept;

	private final MessageSource messages;

	private final ZoneId zone;

	MailboxConnector(MailboxProperties properties, KeptMails kept, MessageSource messages, java.time.Clock clock) {
		this.properties = properties;
		this.kept = kept;
		this.messages = messages;
		this.zone = clock.getZone();
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public boolean serves(DataLocation location) {
		return !mailboxesOf(location).isEmpty();
	}

	/**
	 * The mailboxes configured for a location.
	 * @param location a data location
	 * @return its mailboxes, in the order of the settings
	 */
	List<Mailbox> mailboxesOf(DataLocation location) {
		Long id = location.getId();
		return this.properties.mailboxes().stream().filter((box) -> id != null && id.equals(box.locationId())).toList();
	}

	/**
	 * Connects to a mailbox, signs in and counts its folders and mails (by
	 * {@code STATUS}, reading no mail).
	 * @param box the mailbox
	 * @return what the server said
	 * @throws ConnectorException with the page's message when it fails
	 */
	Check check(Mailbox box) {
		try (ImapConnection connection = ImapConnection.open(box)) {
			List<Folder> folders = connection.foldersToSearch();
			long mails = 0;
			for (Folder folder : folders) {
				mails += Math.max(0, folder.getMessageCount());
			}
			return new Check(box.name(), folders.size(), mails);
		}
		catch (MessagingException ex) {
			throw ImapConnection.failure(box, ex);
		}
	}

	@Override
	public SearchResult find(DataLocation location, ConnectorSubject subject, int page) {
		List<Mailbox> boxes = mailboxesOf(location);
		SearchTerm byAddress = MailSearch.forPerson(subject, false);
		SearchTerm wide = MailSearch.widens(subject) ? MailSearch.forPerson(subject, true) : byAddress;
		if (boxes.isEmpty() || wide == null) {
			return new SearchResult(List.of(), page, false, 0);
		}
		int size = boxes.get(0).pageSize();
		long from = (long) page * size;
		long to = from + size;
		long seen = 0;
		List<Hit> hits = new ArrayList<>();
		for (Mailbox box : boxes) {
			try (ImapConnection connection = ImapConnection.open(box)) {
				for (Folder each : connection.foldersToSearch()) {
					IMAPFolder folder = (IMAPFolder) each;
					folder.open(Folder.READ_ONLY);
					try {
						Message[] found = folder.search(wide);
						int first = (int) Math.max(0, from - seen);
						int last = (int) Math.min(found.length, to - seen);
						if (first < last) {
							Set<Integer> preselected = numbers((byAddress == wide) ? found : folder.search(byAddress));
							// newest first: the server lists by arrival
							Message[] slice = new Message[last - first];
							for (int i = first; i < last; i++) {
								slice[i - first] = found[found.length - 1 - i];
							}
							folder.fetch(slice, headers());
							for (Message message : slice) {
								hits.add(hit(box, folder, (IMAPMessage) message,
										preselected.contains(message.getMessageNumber())));
							}
						}
						seen += found.length;
					}
					finally {
						closeQuietly(folder, false);
					}
				}
			}
			catch (MessagingException | IOException ex) {
				throw ImapConnection.failure(box, (ex instanceof MessagingException) ? (MessagingException) ex
						: new MessagingException(ex.getMessage(), ex));
			}
		}
		return new SearchResult(hits, page, seen > to, seen);
	}

	@Override
	public List<NewFinding> copy(DataLocation location, ConnectorSubject subject, List<String> hitIds) {
		List<NewFinding> findings = new ArrayList<>();
		for (Map.Entry<Mailbox, Map<String, List<MailHitId>>> perBox : grouped(location, hitIds).entrySet()) {
			Mailbox box = perBox.getKey();
			try (ImapConnection connection = ImapConnection.open(box)) {
				for (Map.Entry<String, List<MailHitId>> perFolder : perBox.getValue().entrySet()) {
					IMAPFolder folder = (IMAPFolder) connection.store().getFolder(perFolder.getKey());
					folder.open(Folder.READ_ONLY);
					try {
						for (MailHitId id : perFolder.getValue()) {
							checkValidity(box, folder, id);
							Message message = folder.getMessageByUID(id.uid());
							if (message == null) {
								throw new ConnectorException("mailbox.failure.mailGone", box.name(), id.folder());
							}
							findings.addAll(copyOf(box, id, message));
						}
					}
					finally {
						closeQuietly(folder, false);
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
		return findings;
	}

	@Override
	public Receipt erase(DataLocation location, ConnectorSubject subject, List<String> hitIds, boolean dryRun) {
		List<String> evidence = new ArrayList<>();
		int count = 0;
		for (Map.Entry<Mailbox, Map<String, List<MailHitId>>> perBox : grouped(location, hitIds).entrySet()) {
			Mailbox box = perBox.getKey();
			try (ImapConnection connection = ImapConnection.open(box)) {
				for (Map.Entry<String, List<MailHitId>> perFolder : perBox.getValue().entrySet()) {
					Erased erased = erase(connection, perFolder.getKey(), perFolder.getValue(), dryRun);
					count += erased.count();
					evidence.addAll(erased.evidence());
				}
			}
			catch (MessagingException ex) {
				throw ImapConnection.failure(box, ex);
			}
		}
		return new Receipt(count, evidence, dryRun);
	}

	/**
	 * Erases mails of one folder given by UID, skipping kept ones.
	 * @param connection an open connection
	 * @param folderName the folder
	 * @param ids the mails, all of this folder
	 * @param dryRun whether to change nothing
	 * @return how many the server confirmed erased, and the evidence
	 * @throws MessagingException when the server fails
	 */
	Erased erase(ImapConnection connection, String folderName, List<MailHitId> ids, boolean dryRun)
			throws MessagingException {
		Mailbox box = connection.mailbox();
		if (box.deleteMode() == DeleteMode.EXPUNGE && connection.store().hasCapability(GMAIL)) {
			// Gmail's folders are labels: an expunge there only takes the label away and
			// the mail stays in All Mail. Recording it as erased would be untrue.
			throw new ConnectorException("mailbox.failure.gmailExpunge", box.name());
		}
		IMAPFolder folder = (IMAPFolder) connection.store().getFolder(folderName);
		folder.open(dryRun ? Folder.READ_ONLY : Folder.READ_WRITE);
		List<String> evidence = new ArrayList<>();
		try {
			long[] uids = new long[ids.size()];
			for (int i = 0; i < ids.size(); i++) {
				checkValidity(box, folder, ids.get(i));
				uids[i] = ids.get(i).uid();
			}
			List<Message> present = new ArrayList<>();
			for (Message message : folder.getMessagesByUID(uids)) {
				if (message != null) {
					present.add(message);
				}
			}
			int missing = ids.size() - present.size();
			Message[] found = present.toArray(Message[]::new);
			folder.fetch(found, headers());
			Map<Message, String> messageIds = new LinkedHashMap<>();
			for (Message message : found) {
				messageIds.put(message, messageId(message));
			}
			Set<String> held = this.kept.heldAmong(box.name(), messageIds.values());
			List<Message> toErase = new ArrayList<>();
			int skipped = 0;
			for (Map.Entry<Message, String> entry : messageIds.entrySet()) {
				if (entry.getValue() != null && held.contains(entry.getValue())) {
					skipped++;
				}
				else {
					toErase.add(entry.getKey());
				}
			}
			if (skipped > 0) {
				evidence.add("mailbox=" + box.name() + "; folder=" + folderName + "; kept=" + skipped);
			}
			if (missing > 0) {
				evidence.add("mailbox=" + box.name() + "; folder=" + folderName + "; notFound=" + missing);
			}
			if (dryRun || toErase.isEmpty()) {
				for (Message message : toErase) {
					evidence.add(line(box, folderName, message, messageIds.get(message)));
				}
				return new Erased(toErase.size(), evidence);
			}
			Message[] erasing = toErase.toArray(Message[]::new);
			Map<Message, String> lines = new HashMap<>();
			for (Message message : erasing) {
				lines.put(message, line(box, folderName, message, messageIds.get(message)));
			}
			Message[] confirmed = (box.deleteMode() == DeleteMode.TRASH) ? moveToTrash(connection, folder, erasing)
					: expunge(connection, folder, erasing);
			for (Message message : confirmed) {
				evidence.add(lines.getOrDefault(message, "mailbox=" + box.name() + "; folder=" + folderName));
			}
			return new Erased(confirmed.length, evidence);
		}
		finally {
			closeQuietly(folder, false);
		}
	}

	private Message[] expunge(ImapConnection connection, IMAPFolder folder, Message[] messages)
			throws MessagingException {
		if (!connection.store().hasCapability("UIDPLUS")) {
			// a plain EXPUNGE would also remove other mails someone flagged \Deleted
			throw new ConnectorException("mailbox.failure.noUidplus", connection.mailbox().name());
		}
		folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
		Message[] expunged = folder.expunge(messages);
		return (expunged != null) ? expunged : new Message[0];
	}

	private Message[] moveToTrash(ImapConnection connection, IMAPFolder folder, Message[] messages)
			throws MessagingException {
		Mailbox box = connection.mailbox();
		IMAPFolder trash = (IMAPFolder) connection.store().getFolder(box.trashFolder());
		if (!trash.exists()) {
			throw new ConnectorException("mailbox.failure.folderGone", box.name(), box.trashFolder());
		}
		List<String> ids = new ArrayList<>();
		for (Message message : messages) {
			String id = messageId(message);
			if (id != null) {
				ids.add(id);
			}
		}
		folder.moveMessages(messages, trash);
		List<Message> moved = new ArrayList<>();
		for (Message message : messages) {
			if (message.isExpunged()) {
				moved.add(message);
			}
		}
		trash.open(Folder.READ_WRITE);
		try {
			List<Message> inTrash = new ArrayList<>();
			for (String id : ids) {
				for (Message copy : trash.search(new jakarta.mail.search.MessageIDTerm(id))) {
					inTrash.add(copy);
				}
			}
			if (!inTrash.isEmpty()) {
				Message[] purge = inTrash.toArray(Message[]::new);
				trash.setFlags(purge, new Flags(Flags.Flag.DELETED), true);
				if (connection.store().hasCapability("UIDPLUS")) {
					trash.expunge(purge);
				}
				else {
					trash.expunge();
				}
			}
		}
		finally {
			closeQuietly(trash, false);
		}
		return moved.toArray(Message[]::new);
	}

	private List<NewFinding> copyOf(Mailbox box, MailHitId id, Message message) throws MessagingException, IOException {
		ByteArrayOutputStream original = new ByteArrayOutputStream();
		message.writeTo(original);
		byte[] found = original.toByteArray();
		MimeMessage mail = new MimeMessage(null, new java.io.ByteArrayInputStream(found));
		// the text readable for the review; the rest as the server gave it
		byte[] eml = MailText.readable(found);
		String subject = (mail.getSubject() != null) ? mail.getSubject() : "";
		String date = date(mail.getSentDate(), message.getReceivedDate());
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put(label("mailbox"), box.name());
		fields.put(label("folder"), id.folder());
		fields.put(label("date"), date);
		fields.put(label("from"), MailText.addresses(mail.getFrom()));
		fields.put(label("to"), MailText.addresses(mail.getRecipients(Message.RecipientType.TO)));
		String cc = MailText.addresses(mail.getRecipients(Message.RecipientType.CC));
		if (!cc.isEmpty()) {
			fields.put(label("cc"), cc);
		}
		fields.put(label("subject"), subject);
		fields.put(label("messageId"), String.valueOf(mail.getMessageID()));
		fields.put(label("attachments"), String.join(", ", MailText.attachments(mail)));
		fields.put(label("text"), MailText.body(mail));
		String title = date + " " + subject;
		String source = "imap:" + box.name() + "/" + id.folder() + "/uid " + id.uid();
		return List.of(NewFinding.record(title, source, fields), NewFinding.file(title, source,
				"mail-" + date.replaceAll("[^0-9]", "") + "-" + id.uid() + ".eml", "message/rfc822", eml));
	}

	private Hit hit(Mailbox box, IMAPFolder folder, IMAPMessage message, boolean preselected)
			throws MessagingException, IOException {
		MailHitId id = new MailHitId(box.name(), folder.getFullName(), folder.getUIDValidity(), folder.getUID(message));
		String subject = (message.getSubject() != null) ? message.getSubject() : "";
		String date = date(message.getSentDate(), message.getReceivedDate());
		Map<String, String> details = new LinkedHashMap<>();
		details.put(label("mailbox"), box.name());
		details.put(label("folder"), folder.getFullName());
		details.put(label("date"), date);
		details.put(label("from"), MailText.addresses(message.getFrom()));
		details.put(label("to"), MailText.addresses(message.getAllRecipients()));
		details.put(label("subject"), subject);
		details.put(label("size"), MailText.size(message.getSize()));
		List<String> attachments = MailText.attachments(message);
		details.put(label("attachments"), attachments.isEmpty() ? "-" : String.join(", ", attachments));
		return new Hit(id.toString(), date + " " + subject, details, preselected);
	}

	private Map<Mailbox, Map<String, List<MailHitId>>> grouped(DataLocation location, List<String> hitIds) {
		Map<String, Mailbox> byName = new HashMap<>();
		for (Mailbox box : mailboxesOf(location)) {
			byName.put(box.name(), box);
		}
		Map<Mailbox, Map<String, List<MailHitId>>> grouped = new LinkedHashMap<>();
		for (String text : hitIds) {
			MailHitId id = MailHitId.parse(text);
			Mailbox box = byName.get(id.mailbox());
			if (box == null) {
				throw new ConnectorException("mailbox.failure.unknownMailbox", id.mailbox());
			}
			grouped.computeIfAbsent(box, (key) -> new LinkedHashMap<>())
				.computeIfAbsent(id.folder(), (key) -> new ArrayList<>())
				.add(id);
		}
		return grouped;
	}

	private static void checkValidity(Mailbox box, IMAPFolder folder, MailHitId id) throws MessagingException {
		if (folder.getUIDValidity() != id.uidValidity()) {
			throw new ConnectorException("mailbox.failure.changed", box.name(), id.folder());
		}
	}

	private String line(Mailbox box, String folder, Message message, String messageId) throws MessagingException {
		return "mailbox=" + box.name() + "; folder=" + folder + "; message-id=" + messageId + "; date="
				+ date(message.getSentDate(), message.getReceivedDate());
	}

	static FetchProfile headers() {
		FetchProfile profile = new FetchProfile();
		profile.add(FetchProfile.Item.ENVELOPE);
		profile.add(FetchProfile.Item.FLAGS);
		profile.add(FetchProfile.Item.SIZE);
		profile.add(FetchProfile.Item.CONTENT_INFO);
		profile.add(UIDFolder.FetchProfileItem.UID);
		return profile;
	}

	static String messageId(Message message) throws MessagingException {
		return (message instanceof MimeMessage mime) ? mime.getMessageID() : null;
	}

	private String date(Date sent, Date received) {
		Date date = (sent != null) ? sent : received;
		return (date != null) ? DATE.format(date.toInstant().atZone(this.zone)) : "?";
	}

	private String label(String key) {
		return this.messages.getMessage("mailbox.field." + key, null, key, LocaleContextHolder.getLocale());
	}

	private static Set<Integer> numbers(Message[] messages) {
		Set<Integer> numbers = new HashSet<>();
		for (Message message : messages) {
			numbers.add(message.getMessageNumber());
		}
		return numbers;
	}

	static void closeQuietly(Folder folder, boolean expunge) {
		try {
			if (folder.isOpen()) {
				folder.close(expunge);
			}
		}
		catch (MessagingException | RuntimeException ex) {
			// the connection is going away; the store is closed next
		}
	}

	/**
	 * A connection test that worked.
	 *
	 * @param mailbox the mailbox's name
	 * @param folders how many folders are searched
	 * @param mails how many mails they hold
	 */
	record Check(String mailbox, int folders, long mails) {
	}

	/**
	 * What erasing in one folder did.
	 *
	 * @param count how many mails the server confirmed erased (or would be, on a dry run)
	 * @param evidence one line per mail, without content
	 */
	record Erased(int count, List<String> evidence) {
	}

}
