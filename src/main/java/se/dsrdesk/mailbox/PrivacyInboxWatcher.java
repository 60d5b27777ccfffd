package se.dsrdesk.mailbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.angus.mail.imap.IMAPFolder;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import se.dsrdesk.location.connector.ConnectorException;
import se.dsrdesk.mailbox.MailboxProperties.Mailbox;

/**
 * Watches the privacy inbox with IMAP IDLE, so that a new mail is fetched at once rather
 * than at the next poll: one daemon thread keeps the folder open in IDLE and, when the
 * server announces a new mail, asks {@link PrivacyInbox#fetchNow()} to fetch (the same
 * ShedLock-guarded fetch the poll runs, so two instances still handle each mail once).
 * The poll keeps running as the safety net, for a notification lost with a dropped
 * connection.
 *
 * <p>
 * IDLE is ended and issued again on the same connection every
 * {@code dsr.privacy-inbox.idle-reissue} (RFC 2177: servers may drop an IDLE after 30
 * minutes). After an error, or a connection the server dropped, the watcher reconnects
 * after a pause that doubles from {@code reconnect-first} up to {@code reconnect-max}, so
 * a broken server is never hammered; it logs the mailbox and what failed, never a mail. A
 * server without the IDLE capability is logged once and left to the poll. Off with
 * {@code dsr.privacy-inbox.idle=false}. {@link #status()} tells what it is doing, for
 * staff and for tests.
 */
@Component
class PrivacyInboxWatcher implements DisposableBean {

	private static final Log logger = LogFactory.getLog(PrivacyInboxWatcher.class);

	/** How long {@link #stop()} waits for a running fetch to end. */
	static final Duration FETCH_STOP = Duration.ofSeconds(10);

	private final MailboxProperties mailboxes;

	private final PrivacyInboxProperties settings;

	private final PrivacyInbox inbox;

	private final Clock clock;

	private final Object lock = new Object();

	private volatile boolean running;

	private volatile Thread thread;

	private volatile IMAPFolder watched;

	/**
	 * Runs the fetches and the re-issue ticks, off the IDLE thread and mail's event
	 * thread.
	 */
	private volatile ScheduledExecutorService helper;

	private volatile State state = State.OFF;

	private volatile Instant since;

	private volatile Instant nextAttempt;

	private volatile int failuresInRow;

	private final AtomicLong attempts = new AtomicLong();

	private final AtomicLong connections = new AtomicLong();

	private final AtomicLong reissues = new AtomicLong();

	PrivacyInboxWatcher(MailboxProperties mailboxes, PrivacyInboxProperties settings, PrivacyInbox inbox, Clock clock) {
		this.mailboxes = mailboxes;
		this.settings = settings;
		this.inbox = inbox;
		this.clock = clock;
	}

	/**
	 * Starts watching once the application is ready (not before: a fetch needs the
	 * database and the lock table).
	 */
	@EventListener(ApplicationReadyEvent.class)
	void start() {
		Optional<Mailbox> box = this.mailboxes.privacyInbox();
		if (!this.settings.idle() || box.isEmpty()) {
			return;
		}
		synchronized (this.lock) {
			if (this.running) {
				return;
			}
			this.running = true;
			enter(State.CONNECTING);
			this.helper = Executors.newSingleThreadScheduledExecutor((task) -> daemon(task, "privacy-inbox-fetch"));
			this.thread = daemon(() -> watch(box.get()), "privacy-inbox-idle");
			this.thread.start();
		}
	}

	/**
	 * Whether the IDLE thread is alive.
	 * @return true while watching (or waiting to reconnect)
	 */
	boolean watching() {
		Thread current = this.thread;
		return current != null && current.isAlive();
	}

	/**
	 * What the watcher is doing now, and what it has done since it started.
	 * @return a snapshot
	 */
	Status status() {
		State current = this.state;
		return new Status(current, this.since, (current == State.RECONNECTING) ? this.nextAttempt : null,
				this.failuresInRow, this.attempts.get(), this.connections.get(), this.reissues.get());
	}

	/**
	 * Stops watching: ends the IDLE, closes the connection and waits (a few seconds at
	 * most) for the IDLE thread and the fetch thread to end, so that nothing of this
	 * watcher outlives it.
	 */
	void stop() {
		Thread current;
		synchronized (this.lock) {
			if (!this.running) {
				return;
			}
			this.running = false;
			current = this.thread;
		}
		if (current != null) {
			current.interrupt();
			// ended IDLE again while waiting: the thread may have entered IDLE just after
			// the first attempt
			long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (current.isAlive() && System.nanoTime() < until) {
				abortIdle();
				try {
					current.join(200);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
			}
		}
		ScheduledExecutorService executor = this.helper;
		if (executor != null) {
			// interrupts a fetch waiting for the lock; a fetch reading the mailbox ends
			// with its read, which the connection's timeout bounds
			executor.shutdownNow();
			try {
				if (!executor.awaitTermination(FETCH_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
					logger.warn("Privacy inbox: a fetch still runs after " + FETCH_STOP + "; left to end on its own");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		enter(State.OFF);
	}

	@Override
	public void destroy() {
		stop();
	}

	private void watch(Mailbox box) {
		Duration backoff = this.settings.reconnectFirst();
		while (this.running) {
			String failure = null;
			this.attempts.incrementAndGet();
			try (ImapConnection connection = ImapConnection.open(box)) {
				if (!connection.store().hasCapability("IDLE")) {
					logger.info("Privacy inbox '" + box.name()
							+ "': the server does not offer IMAP IDLE; new mail is fetched by polling");
					enter(State.POLLING_ONLY);
					return;
				}
				IMAPFolder folder = (IMAPFolder) connection.store().getFolder(box.inboxFolder());
				folder.open(Folder.READ_ONLY);
				try {
					folder.addMessageCountListener(new MessageCountAdapter() {
						@Override
						public void messagesAdded(MessageCountEvent event) {
							fetchSoon();
						}
					});
					this.watched = folder;
					this.connections.incrementAndGet();
					this.failuresInRow = 0;
					backoff = this.settings.reconnectFirst();
					enter(State.WATCHING);
					// what arrived while nobody watched
					fetchSoon();
					idleUntilStopped(folder);
					// back here while running: the server closed the folder or the
					// connection
					failure = "mailbox.failure.dropped";
				}
				finally {
					this.watched = null;
					MailboxConnector.closeQuietly(folder, false);
				}
			}
			catch (ConnectorException ex) {
				failure = ex.messageCode();
			}
			catch (MessagingException | RuntimeException ex) {
				failure = ImapConnection.failure(box, asMessaging(ex)).messageCode();
			}
			if (!this.running) {
				return;
			}
			this.failuresInRow++;
			this.nextAttempt = this.clock.instant().plus(backoff);
			enter(State.RECONNECTING);
			logger.warn("Privacy inbox not watched: " + failure + "; trying again in " + backoff);
			if (!pause(backoff)) {
				return;
			}
			backoff = doubled(backoff, this.settings.reconnectMax());
		}
	}

	/**
	 * The next pause: twice the last, at most the longest.
	 * @param backoff the last pause
	 * @param max the longest pause
	 * @return the next pause
	 */
	static Duration doubled(Duration backoff, Duration max) {
		return (backoff.compareTo(max.dividedBy(2)) > 0) ? max : backoff.multipliedBy(2);
	}

	/**
	 * IDLE, ended by the re-issue tick every {@code idle-reissue} and issued again on the
	 * same connection, until the watcher stops or the connection breaks.
	 */
	private void idleUntilStopped(IMAPFolder folder) throws MessagingException {
		long every = this.settings.idleReissue().toMillis();
		ScheduledFuture<?> ticks = this.helper.scheduleAtFixedRate(this::abortIdle, every, every,
				TimeUnit.MILLISECONDS);
		try {
			while (this.running && folder.isOpen()) {
				folder.idle();
				if (this.running && folder.isOpen()) {
					this.reissues.incrementAndGet();
				}
			}
		}
		finally {
			ticks.cancel(false);
		}
	}

	/**
	 * Ends the current IDLE: any command on the folder makes Angus Mail send DONE first.
	 */
	private void abortIdle() {
		IMAPFolder folder = this.watched;
		if (folder == null) {
			return;
		}
		try {
			folder.doCommand((protocol) -> {
				protocol.simpleCommand("NOOP", null);
				return null;
			});
		}
		catch (MessagingException | RuntimeException ex) {
			// the connection is gone: the IDLE thread notices and reconnects (or ends)
		}
	}

	private void fetchSoon() {
		ScheduledExecutorService executor = this.helper;
		if (!this.running || executor == null) {
			return;
		}
		try {
			executor.execute(this.inbox::fetchNow);
		}
		catch (java.util.concurrent.RejectedExecutionException ex) {
			// stopping
		}
	}

	private boolean pause(Duration time) {
		try {
			Thread.sleep(time.toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			return false;
		}
	}

	private static MessagingException asMessaging(Exception ex) {
		return (ex instanceof MessagingException messaging) ? messaging
				: new MessagingException(String.valueOf(ex.getMessage()), ex);
	}

	private void enter(State next) {
		this.state = next;
		this.since = this.clock.instant();
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	/** What the watcher is doing. */
	enum State {

		/**
		 * Not watching: IDLE is off, no privacy inbox is set up, or the watcher stopped.
		 */
		OFF,

		/** Connecting for the first time. */
		CONNECTING,

		/** In IDLE on the inbox: new mail is fetched at once. */
		WATCHING,

		/** The connection failed or dropped: waiting to connect again. */
		RECONNECTING,

		/** The server does not offer IDLE: the poll alone fetches. */
		POLLING_ONLY

	}

	/**
	 * A snapshot of the watcher.
	 *
	 * @param state what it is doing
	 * @param since when it began doing that, null when it never started
	 * @param nextAttempt when it connects again, while {@link State#RECONNECTING}
	 * @param failuresInRow failed or dropped connections since the last good one
	 * @param attempts tries to connect since start
	 * @param connections connections that reached IDLE since start
	 * @param reissues IDLEs ended and issued again on a live connection since start
	 */
	record Status(State state, Instant since, Instant nextAttempt, int failuresInRow, long attempts, long connections,
			long reissues) {
	}

}
