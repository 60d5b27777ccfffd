package se.dsrdesk.mailbox;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

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
 * IDLE is re-issued every {@link #REISSUE} (RFC 2177: servers may drop an IDLE after 30
 * minutes). After an error the watcher reconnects after a pause that doubles from
 * {@link #FIRST_BACKOFF} up to {@link #MAX_BACKOFF}, so a broken server is never
 * hammered; it logs the mailbox and what failed, never a mail. A server without the IDLE
 * capability is logged once and left to the poll. Off with
 * {@code dsr.privacy-inbox.idle=false}.
 */
@Component
class PrivacyInboxWatcher implements DisposableBean {

	private static final Log logger = LogFactory.getLog(PrivacyInboxWatcher.class);

	/** How long one IDLE lasts before it is ended and issued again. */
	static final Duration REISSUE = Duration.ofMinutes(25);

	static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);

	static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

	/** How long {@link #stop()} waits for a running fetch to end. */
	static final Duration FETCH_STOP = Duration.ofSeconds(10);

	private final MailboxProperties mailboxes;

	private final PrivacyInboxProperties settings;

	private final PrivacyInbox inbox;

	private final Object lock = new Object();

	private volatile boolean running;

	private volatile Thread thread;

	private volatile IMAPFolder watched;

	/**
	 * Runs the fetches and the re-issue ticks, off the IDLE thread and mail's event
	 * thread.
	 */
	private volatile ScheduledExecutorService helper;

	PrivacyInboxWatcher(MailboxProperties mailboxes, PrivacyInboxProperties settings, PrivacyInbox inbox) {
		this.mailboxes = mailboxes;
		this.settings = settings;
		this.inbox = inbox;
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
	}

	@Override
	public void destroy() {
		stop();
	}

	private void watch(Mailbox box) {
		Duration backoff = FIRST_BACKOFF;
		while (this.running) {
			try (ImapConnection connection = ImapConnection.open(box)) {
				if (!connection.store().hasCapability("IDLE")) {
					logger.info("Privacy inbox '" + box.name()
							+ "': the server does not offer IMAP IDLE; new mail is fetched by polling");
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
					backoff = FIRST_BACKOFF;
					// what arrived while nobody watched
					fetchSoon();
					idleUntilStopped(folder);
				}
				finally {
					this.watched = null;
					MailboxConnector.closeQuietly(folder, false);
				}
			}
			catch (ConnectorException ex) {
				if (this.running) {
					logger.warn("Privacy inbox not watched: " + ex.messageCode() + "; trying again in " + backoff);
				}
			}
			catch (MessagingException | RuntimeException ex) {
				if (this.running) {
					logger
						.warn("Privacy inbox not watched: " + ImapConnection.failure(box, asMessaging(ex)).messageCode()
								+ "; trying again in " + backoff);
				}
			}
			if (!this.running || !pause(backoff)) {
				return;
			}
			backoff = (backoff.compareTo(MAX_BACKOFF.dividedBy(2)) > 0) ? MAX_BACKOFF : backoff.multipliedBy(2);
		}
	}

	/**
	 * IDLE, ended by the re-issue tick every {@link #REISSUE} and issued again, until the
	 * watcher stops or the connection breaks.
	 */
	private void idleUntilStopped(IMAPFolder folder) throws MessagingException {
		ScheduledFuture<?> ticks = this.helper.scheduleAtFixedRate(this::abortIdle, REISSUE.toMillis(),
				REISSUE.toMillis(), TimeUnit.MILLISECONDS);
		try {
			while (this.running && folder.isOpen()) {
				folder.idle();
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

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

}
