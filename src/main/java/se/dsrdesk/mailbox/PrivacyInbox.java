package se.dsrdesk.mailbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.search.FlagTerm;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import se.dsrdesk.location.connector.ConnectorException;
import se.dsrdesk.mailbox.IncomingMails.Fetched;
import se.dsrdesk.mailbox.IncomingMails.FetchedFile;
import se.dsrdesk.mailbox.MailboxProperties.Handled;
import se.dsrdesk.mailbox.MailboxProperties.Mailbox;
import se.dsrdesk.system.ExclusiveJobs;

/**
 * Reads the privacy inbox: every mail in its folder that intake has not handled yet is
 * stored once as incoming mail (with the server's INTERNALDATE as its receipt time), and
 * then marked in the mailbox as handled, by a keyword or by moving it to a folder; intake
 * never deletes a mail. Exactly once: the database's unique keys (mailbox, folder,
 * UIDVALIDITY and UID; mailbox and Message-ID) refuse a second copy, whether it comes
 * from a second instance or from a fetch after a crash between storing and marking;
 * ShedLock keeps two instances from fetching at the same time in the first place.
 *
 * <p>
 * The poll on {@code dsr.privacy-inbox.poll-interval} (a minute by default) is the
 * reliable path on every IMAP server and after every dropped connection; where the server
 * offers IMAP IDLE, {@link PrivacyInboxWatcher} also fetches as soon as a mail arrives.
 */
@Component
class PrivacyInbox {

	private static final Log logger = LogFactory.getLog(PrivacyInbox.class);

	/** The most mails stored in one fetch; the next fetch takes the rest. */
	static final int BATCH = 200;

	/** How often an IDLE-triggered fetch tries again while another run holds the lock. */
	static final int RETRIES_WHEN_LOCKED = 10;

	static final Duration RETRY_PAUSE = Duration.ofSeconds(3);

	private final MailboxProperties mailboxes;

	private final IncomingMails incoming;

	private final ExclusiveJobs jobs;

	PrivacyInbox(MailboxProperties mailboxes, IncomingMails incoming, ExclusiveJobs jobs) {
		this.mailboxes = mailboxes;
		this.incoming = incoming;
		this.jobs = jobs;
	}

	@Scheduled(fixedDelayString = "${dsr.privacy-inbox.poll-interval:1m}",
			initialDelayString = "${dsr.privacy-inbox.poll-interval:1m}")
	void scheduled() {
		if (this.mailboxes.privacyInbox().isEmpty()) {
			return;
		}
		fetchExclusively();
	}

	/**
	 * Fetches at once, when IMAP IDLE announced a new mail. If another run (the poll, or
	 * another instance) holds the lock, it may have searched before this mail arrived, so
	 * this tries again a few times, a few seconds apart, rather than leave the mail to
	 * the next poll.
	 */
	void fetchNow() {
		for (int attempt = 0; attempt < RETRIES_WHEN_LOCKED; attempt++) {
			if (fetchExclusively() != ExclusiveJobs.Outcome.SKIPPED) {
				return;
			}
			try {
				Thread.sleep(RETRY_PAUSE.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private ExclusiveJobs.Outcome fetchExclusively() {
		return this.jobs.run("privacy-inbox", Duration.ofMinutes(5), () -> {
			try {
				return fetch();
			}
			catch (ConnectorException ex) {
				// the mailbox's name and what failed; never a mail's content
				logger.warn("Privacy inbox not read: " + ex.messageCode());
				return 0;
			}
		}).outcome();
	}

	/**
	 * Deletes the dismissed and registered mails whose time is over.
	 */
	@Scheduled(cron = "${dsr.privacy-inbox.sweep-cron:0 30 3 * * *}",
			zone = "${dsr.controller.time-zone:Europe/Stockholm}")
	void sweep() {
		this.jobs.run("privacy-inbox-sweep", Duration.ofMinutes(5), this.incoming::deleteExpired);
	}

	/**
	 * Fetches the mails not handled yet.
	 * @return how many were stored now
	 * @throws ConnectorException when the mailbox cannot be read
	 */
	int fetch() {
		Optional<Mailbox> configured = this.mailboxes.privacyInbox();
		if (configured.isEmpty()) {
			return 0;
		}
		Mailbox box = configured.get();
		int stored = 0;
		try (ImapConnection connection = ImapConnection.open(box)) {
			IMAPFolder folder = (IMAPFolder) connection.store().getFolder(box.inboxFolder());
			folder.open(Folder.READ_WRITE);
			try {
				Message[] waiting = (box.handled() == Handled.KEYWORD)
						? folder.search(new FlagTerm(new Flags(box.handledKeyword()), false)) : folder.getMessages();
				folder.fetch(waiting, MailboxConnector.headers());
				long validity = folder.getUIDValidity();
				List<Message> handled = new ArrayList<>();
				for (int i = 0; i < waiting.length && handled.size() < BATCH; i++) {
					IMAPMessage message = (IMAPMessage) waiting[i];
					Fetched mail = read(box, folder, validity, message);
					if (!this.incoming.known(mail)) {
						try {
							this.incoming.store(mail);
							stored++;
						}
						catch (DataIntegrityViolationException ex) {
							// stored by another instance meanwhile
						}
					}
					handled.add(message);
				}
				markHandled(connection, box, folder, handled.toArray(Message[]::new));
			}
			finally {
				MailboxConnector.closeQuietly(folder, false);
			}
		}
		catch (MessagingException ex) {
			throw ImapConnection.failure(box, ex);
		}
		catch (IOException ex) {
			throw ImapConnection.failure(box, new MessagingException(ex.getMessage(), ex));
		}
		return stored;
	}

	private static void markHandled(ImapConnection connection, Mailbox box, IMAPFolder folder, Message[] handled)
			throws MessagingException {
		if (handled.length == 0) {
			return;
		}
		if (box.handled() == Handled.KEYWORD) {
			folder.setFlags(handled, new Flags(box.handledKeyword()), true);
			return;
		}
		Folder target = connection.store().getFolder(box.handledFolder());
		if (!target.exists()) {
			target.create(Folder.HOLDS_MESSAGES);
		}
		// MOVE where the server has it; otherwise copy and flag \Deleted, leaving the
		// expunge to the mail program (intake never expunges).
		folder.moveMessages(handled, target);
	}

	private static Fetched read(Mailbox box, IMAPFolder folder, long validity, IMAPMessage message)
			throws MessagingException, IOException {
		MimeMessage mail = message;
		InternetAddress sender = first(mail.getFrom());
		Set<String> recipients = new LinkedHashSet<>();
		addAll(recipients, mail.getRecipients(Message.RecipientType.TO));
		addAll(recipients, mail.getRecipients(Message.RecipientType.CC));
		for (String header : new String[] { "Delivered-To", "X-Original-To", "Envelope-To" }) {
			String[] values = mail.getHeader(header);
			if (values != null) {
				for (String value : values) {
					try {
						addAll(recipients, InternetAddress.parseHeader(value, false));
					}
					catch (AddressException ex) {
						// not an address: not a reply address either
					}
				}
			}
		}
		List<String> threadIds = new ArrayList<>();
		for (String header : new String[] { "In-Reply-To", "References" }) {
			String value = mail.getHeader(header, " ");
			if (value != null) {
				for (String id : value.split("\\s+")) {
					if (id.startsWith("<") && id.endsWith(">") && !threadIds.contains(id)) {
						threadIds.add(id);
					}
				}
			}
		}
		List<FetchedFile> files = new ArrayList<>();
		collectFiles(mail, files, true);
		Instant received = (message.getReceivedDate() != null) ? message.getReceivedDate().toInstant() : Instant.now();
		return new Fetched(box.name(), folder.getFullName(), validity, folder.getUID(message), mail.getMessageID(),
				threadIds, received, (sender != null) ? sender.getPersonal() : null,
				(sender != null) ? sender.getAddress() : null, List.copyOf(recipients),
				(mail.getSubject() != null) ? mail.getSubject() : "", MailText.body(mail), files);
	}

	private static InternetAddress first(Address[] addresses) {
		if (addresses != null) {
			for (Address address : addresses) {
				if (address instanceof InternetAddress internet) {
					return internet;
				}
			}
		}
		return null;
	}

	private static void addAll(Set<String> into, Address[] addresses) {
		if (addresses != null) {
			for (Address address : addresses) {
				if (address instanceof InternetAddress internet && internet.getAddress() != null) {
					into.add(internet.getAddress());
				}
			}
		}
	}

	private static void collectFiles(Part part, List<FetchedFile> files, boolean top)
			throws MessagingException, IOException {
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				collectFiles(multipart.getBodyPart(i), files, false);
			}
			return;
		}
		if (top) {
			return;
		}
		String name = part.getFileName();
		if (name == null && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
			return;
		}
		try (InputStream in = part.getInputStream()) {
			files.add(new FetchedFile((name != null) ? decode(name) : "attachment", readAtMost(in)));
		}
	}

	/**
	 * The bytes of a file; the attachments' size limit and allow-list are applied when it
	 * is stored.
	 */
	private static byte[] readAtMost(InputStream in) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		in.transferTo(out);
		return out.toByteArray();
	}

	private static String decode(String text) {
		try {
			return MimeUtility.decodeText(text);
		}
		catch (UnsupportedEncodingException ex) {
			return text;
		}
	}

}
