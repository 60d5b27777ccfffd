package se.dsrdesk.notification;

import java.io.UnsupportedEncodingException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionTemplate;

import se.dsrdesk.system.ControllerIdentity;
import se.dsrdesk.system.MailServerAnswered;

/**
 * Sends queued mail. It runs every poll interval and, on a background thread, right after
 * each commit that queued mail. Due mail is taken queued longest first, so that after an
 * outage the oldest notices go out first. Each batch is claimed with
 * {@code FOR UPDATE SKIP LOCKED} in a short transaction of its own, which also moves the
 * mails' next attempt past the time the batch can take, so that several dispatchers
 * (threads or instances) never send the same mail. Each mail is then marked sent in its
 * own short transaction right after the mail server accepts it: a crash or a database
 * failure can make the dispatcher send again at most that one mail (with the same
 * Message-ID). A mail the server refuses for good ({@code 5xx}, an invalid address) is
 * given up at once; other failures are retried after a doubling wait, capped at
 * {@code dsr.mail.max-backoff}, for {@code dsr.mail.dispatch.retry-for}; when the mail
 * server cannot be reached at all, the rest of the batch is put back without trying, and
 * as soon as the server answers again (a mail is accepted, or the health probe reaches
 * it) the mail waiting for it is brought forward and goes out, queued longest first.
 * <p>
 * Logs never name recipients or show bodies: only correspondence ids and error reasons
 * with addresses masked.
 */
@Component
class MailDispatcher implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(MailDispatcher.class);

	private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");

	private static final int MAX_ERROR = 500;

	/** How long a claim keeps other dispatchers off a mail. */
	static final Duration CLAIM = Duration.ofMinutes(10);

	private final CorrespondenceRepository correspondence;

	private final JavaMailSender mailSender;

	private final TransactionTemplate transactions;

	private final OutboxProperties properties;

	private final InternetAddress from;

	/** Where replies go: the controller's privacy address, which every letter names. */
	private final InternetAddress replyTo;

	private final Session session;

	/** The requests' reply addresses, when the privacy inbox is configured. */
	private ObjectProvider<ReplyThreads> threads;

	private final Clock clock;

	private final LinkSecrets secrets;

	private final JdbcTemplate jdbc;

	/**
	 * One dispatch at a time in this instance; other instances are kept off by row locks.
	 */
	private final ReentrantLock running = new ReentrantLock();

	/** Whether a dispatch after commit is waiting for the background thread. */
	private final AtomicBoolean pending = new AtomicBoolean();

	private final ExecutorService background = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "mail-dispatcher");
		thread.setDaemon(true);
		return thread;
	});

	/** Told of mail given up, so that a step that needed it can stop counting. */
	private final ApplicationEventPublisher events;

	MailDispatcher(CorrespondenceRepository correspondence, JavaMailSender mailSender,
			PlatformTransactionManager transactionManager, OutboxProperties properties, ControllerIdentity controller,
			LinkSecrets secrets, JdbcTemplate jdbc, Clock clock) {
		this(correspondence, mailSender, transactionManager, properties, controller, secrets, jdbc, clock, (event) -> {
		});
	}

	@Autowired
	MailDispatcher(CorrespondenceRepository correspondence, JavaMailSender mailSender,
			PlatformTransactionManager transactionManager, OutboxProperties properties, ControllerIdentity controller,
			LinkSecrets secrets, JdbcTemplate jdbc, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.secrets = secrets;
		this.jdbc = jdbc;
		this.correspondence = correspondence;
		this.mailSender = mailSender;
		this.transactions = new TransactionTemplate(transactionManager);
		this.properties = properties;
		this.from = sender(properties, controller);
		this.replyTo = replyTo(controller);
		this.session = (mailSender instanceof JavaMailSenderImpl impl) ? impl.getSession()
				: Session.getInstance(new Properties());
		this.clock = clock;
	}

	@Autowired
	void setReplyThreads(ObjectProvider<ReplyThreads> threads) {
		this.threads = threads;
	}

	private static InternetAddress sender(OutboxProperties properties, ControllerIdentity controller) {
		try {
			if (properties.from() != null) {
				return new InternetAddress(properties.from(), true);
			}
			return new InternetAddress(controller.privacyEmail(), controller.name(), StandardCharsets.UTF_8.name());
		}
		catch (AddressException | UnsupportedEncodingException ex) {
			throw new IllegalStateException("dsr.mail.from (or dsr.controller.privacy-email) is not an address", ex);
		}
	}

	private static InternetAddress replyTo(ControllerIdentity controller) {
		try {
			return new InternetAddress(controller.privacyEmail(), controller.name(), StandardCharsets.UTF_8.name());
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException("dsr.controller.privacy-email is not an address", ex);
		}
	}

	@Scheduled(fixedDelayString = "${dsr.mail.dispatch.interval:30s}",
			initialDelayString = "${dsr.mail.dispatch.interval:30s}")
	void poll() {
		dispatch();
	}

	/**
	 * Sends soon after a commit that queued mail, on the background thread: the user's
	 * request never waits for the mail server. Commits that come while a dispatch waits
	 * share it.
	 */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void afterCommit(Outbox.MailQueued event) {
		if (this.pending.compareAndSet(false, true)) {
			this.background.execute(() -> {
				this.pending.set(false);
				dispatch();
			});
		}
	}

	/**
	 * Sends due mail, batch after batch, until none is left or the server cannot be
	 * reached. Waits while another dispatch of this instance runs.
	 * @return how many mails were sent
	 */
	int dispatch() {
		this.running.lock();
		int sent = 0;
		boolean serverAnswered = false;
		boolean broughtForward = false;
		try {
			while (true) {
				Instant now = this.clock.instant();
				List<Correspondence> due = this.transactions.execute((status) -> claim(now));
				for (int i = 0; i < due.size(); i++) {
					Correspondence mail = due.get(i);
					try {
						send(mail);
					}
					catch (MessagingException | RuntimeException ex) {
						String error = describe(ex);
						if (serverUnreachable(ex)) {
							logger.warn("Mail server unreachable ({}); {} queued mail put back for later", error,
									due.size() - i);
							due.subList(i, due.size()).forEach((later) -> failed(later, error, false, true, now));
							return sent;
						}
						failed(mail, error, permanent(ex), false, now);
						continue;
					}
					markSent(mail);
					sent++;
					if (!serverAnswered) {
						serverAnswered = true;
						broughtForward = bringForward() > 0;
					}
				}
				if (due.size() < this.properties.batchSize() && !broughtForward) {
					return sent;
				}
				broughtForward = false;
			}
		}
		catch (RuntimeException ex) {
			logger.error("Mail dispatch failed; unsent mail stays queued", ex);
			return sent;
		}
		finally {
			this.running.unlock();
		}
	}

	/**
	 * Claims due mail, queued longest first, in a short transaction of its own: the rows
	 * are locked only while they are claimed (rows another dispatcher is claiming are
	 * skipped), and each claim keeps other dispatchers off the mail for {@link #CLAIM},
	 * more than a batch can take to send. A dispatcher that dies leaves its claimed mail
	 * to be sent by another when the claim runs out.
	 */
	private List<Correspondence> claim(Instant now) {
		List<Correspondence> due = this.correspondence.claimDue(now, this.properties.batchSize());
		due.forEach((mail) -> mail.claim(now.plus(CLAIM)));
		return due;
	}

	/**
	 * Marks one mail sent, in its own short transaction, right after the mail server
	 * accepted it: a crash or a database failure can make the dispatcher send again only
	 * this one mail, with the same Message-ID.
	 */
	private void markSent(Correspondence mail) {
		OffsetDateTime now = utc(this.clock.instant());
		this.transactions.executeWithoutResult((status) -> this.jdbc.update(
				"UPDATE correspondence SET status = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = NULL,"
						+ " secrets = NULL, failed_at = NULL WHERE id = ? AND status = 'QUEUED'",
				now, mail.getId()));
	}

	/**
	 * Brings the mail that waits out its back-off because the server could not be reached
	 * forward to now, in a short transaction of its own: the server answers again, so it
	 * need not wait up to {@code dsr.mail.max-backoff}. The claim takes it queued longest
	 * first. Mail another dispatcher has claimed is not touched (the claim cleared its
	 * mark), so nothing is sent twice.
	 * @return how many mails were brought forward
	 */
	int bringForward() {
		OffsetDateTime now = utc(this.clock.instant());
		Integer brought = this.transactions
			.execute(
					(status) -> this.jdbc.update(
							"UPDATE correspondence SET next_attempt_at = ?, waiting_for_server = FALSE"
									+ " WHERE waiting_for_server AND status = 'QUEUED' AND next_attempt_at > ?",
							now, now));
		if (brought != null && brought > 0) {
			logger.info("The mail server answers again: {} queued mail brought forward", brought);
		}
		return (brought != null) ? brought : 0;
	}

	/**
	 * When the health probe reaches the mail server, mail waiting for it goes out now, on
	 * the background thread (the health call does not wait).
	 */
	@EventListener
	void mailServerAnswered(MailServerAnswered event) {
		this.background.execute(() -> {
			try {
				if (bringForward() > 0) {
					dispatch();
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Could not bring queued mail forward: {}", ex.toString());
			}
		});
	}

	private void failed(Correspondence mail, String error, boolean permanent, boolean unreachable, Instant now) {
		boolean givenUp = mail.attemptFailed(error, permanent, unreachable, now, this.properties);
		this.transactions.executeWithoutResult((status) -> this.jdbc.update(
				"UPDATE correspondence SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ?, failed_at = ?,"
						+ " waiting_for_server = ? WHERE id = ? AND status = 'QUEUED'",
				mail.getStatus().name(), mail.getAttempts(), error, utc(mail.getNextAttemptAt()),
				(mail.getFailedAt() != null) ? utc(mail.getFailedAt()) : null, mail.isWaitingForServer(),
				mail.getId()));
		if (givenUp) {
			logger.error("Correspondence {} ({}{}) given up after {} attempts{}; last error: {}", mail.getId(),
					mail.getTemplate(), mail.isLegalNotice() ? ", a legally required notice" : "", mail.getAttempts(),
					permanent ? ", refused for good" : ", retry period over", error);
			this.events.publishEvent(new MailGivenUp(mail.getId(), mail.getRequestId()));
		}
		else {
			logger.info("Correspondence {} not sent (attempt {}), next try at {}: {}", mail.getId(), mail.getAttempts(),
					mail.getNextAttemptAt(), error);
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private void send(Correspondence mail) throws MessagingException {
		MimeMessage message = new StableIdMimeMessage(this.session, mail.getMessageId());
		message.setFrom(this.from);
		message.setReplyTo(new InternetAddress[] { this.replyTo });
		thread(mail, message);
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.getRecipient(), true));
		message.setSubject(this.secrets.unmask(mail.getSubject(), mail.getSecrets()), StandardCharsets.UTF_8.name());
		message.setSentDate(Date.from(this.clock.instant()));
		message.setHeader("Content-Language", mail.getLanguage());
		MimeBodyPart text = new MimeBodyPart();
		text.setText(this.secrets.unmask(mail.getBodyText(), mail.getSecrets()), StandardCharsets.UTF_8.name());
		MimeBodyPart html = new MimeBodyPart();
		html.setText(this.secrets.unmask(mail.getBodyHtml(), mail.getSecrets()), StandardCharsets.UTF_8.name(), "html");
		MimeMultipart alternative = new MimeMultipart("alternative");
		alternative.addBodyPart(text);
		alternative.addBodyPart(html);
		message.setContent(alternative);
		this.mailSender.send(message);
	}

	/**
	 * A mail to a person about a request answers to the request's reply address and names
	 * the person's mails it answers, so that their reply lands on the request. The
	 * privacy address stays the reply address when there is none.
	 */
	private void thread(Correspondence mail, MimeMessage message) throws MessagingException {
		ReplyThreads replies = (this.threads != null) ? this.threads.getIfAvailable() : null;
		if (replies == null || mail.getRequestId() == null || mail.getRecipientKind() != RecipientKind.SUBJECT) {
			return;
		}
		ReplyThreads.Thread thread = replies.of(mail.getRequestId()).orElse(null);
		if (thread == null) {
			return;
		}
		try {
			message.setReplyTo(new InternetAddress[] {
					new InternetAddress(thread.replyTo(), this.replyTo.getPersonal(), StandardCharsets.UTF_8.name()) });
		}
		catch (UnsupportedEncodingException ex) {
			throw new MessagingException("Reply address", ex);
		}
		if (!thread.references().isEmpty()) {
			message.setHeader("In-Reply-To", thread.references().get(thread.references().size() - 1));
			message.setHeader("References", String.join(" ", thread.references()));
		}
	}

	/**
	 * Whether the failure says that no mail can be sent now, rather than that this one
	 * mail was refused.
	 */
	static boolean serverUnreachable(Exception ex) {
		if (ex instanceof MailAuthenticationException) {
			return true;
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof UnknownHostException
					|| cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException
					|| cause.getClass().getSimpleName().equals("MailConnectException")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the mail server refused this mail for good, so that sending it again cannot
	 * help: a {@code 5xx} reply to its recipient or to its content, or an address that is
	 * not one. A {@code 4xx} reply, a refused sender (the application's own setting) and
	 * anything else count as passing.
	 */
	static boolean permanent(Exception ex) {
		Deque<Throwable> todo = new ArrayDeque<>();
		todo.add(ex);
		if (ex instanceof MailSendException send) {
			todo.addAll(List.of(send.getMessageExceptions()));
		}
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		while (!todo.isEmpty()) {
			Throwable cause = todo.poll();
			if (!seen.add(cause)) {
				continue;
			}
			if (cause instanceof AddressException) {
				return true;
			}
			if (cause instanceof SMTPAddressFailedException refused && refused.getReturnCode() / 100 == 5) {
				return true;
			}
			if (cause instanceof SMTPSendFailedException refused && !(cause instanceof SMTPSenderFailedException)
					&& refused.getReturnCode() / 100 == 5) {
				return true;
			}
			if (cause.getCause() != null) {
				todo.add(cause.getCause());
			}
			if (cause instanceof MessagingException messaging && messaging.getNextException() != null) {
				todo.add(messaging.getNextException());
			}
		}
		return false;
	}

	/**
	 * The exception's class and a short reason, with addresses masked: safe to store and
	 * to log.
	 */
	static String describe(Exception ex) {
		Throwable cause = ex;
		if (ex instanceof MailSendException send && send.getMessageExceptions().length > 0) {
			cause = send.getMessageExceptions()[0];
		}
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String reason = (cause.getMessage() != null) ? ": " + cause.getMessage() : "";
		String error = ADDRESS.matcher(cause.getClass().getSimpleName() + reason)
			.replaceAll("<address>")
			.replaceAll("\\s+", " ")
			.strip();
		return (error.length() > MAX_ERROR) ? error.substring(0, MAX_ERROR) : error;
	}

	/**
	 * Waits until the background thread has done the work handed to it so far: what a
	 * commit or the health probe started.
	 * @throws Exception when that takes longer than 30 seconds
	 */
	void awaitBackground() throws Exception {
		this.background.submit(() -> {
		}).get(30, TimeUnit.SECONDS);
	}

	@Override
	public void destroy() throws InterruptedException {
		this.background.shutdown();
		this.background.awaitTermination(30, TimeUnit.SECONDS);
	}

	/**
	 * A message whose Message-ID is the stored one, the same on every attempt, instead of
	 * a new one at each send.
	 */
	static class StableIdMimeMessage extends MimeMessage {

		private final String messageId;

		StableIdMimeMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", this.messageId);
		}

	}

}
