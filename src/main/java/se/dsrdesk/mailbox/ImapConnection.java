package se.dsrdesk.mailbox;

import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Properties;

import javax.net.ssl.SSLException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.StoreClosedException;
import jakarta.mail.FolderClosedException;
import org.eclipse.angus.mail.imap.IMAPStore;

import se.dsrdesk.location.connector.ConnectorException;
import se.dsrdesk.mailbox.MailboxProperties.Mailbox;
import se.dsrdesk.mailbox.MailboxProperties.Tls;

/**
 * One open IMAP connection to a mailbox, closed by try-with-resources on every path. Its
 * timeouts are always set; a plain-text connection is refused unless the mailbox allows
 * it; every failure becomes a {@link ConnectorException} with a translated message that
 * names the mailbox (never the mail).
 */
final class ImapConnection implements AutoCloseable {

	private final Mailbox mailbox;

	private final IMAPStore store;

	private ImapConnection(Mailbox mailbox, IMAPStore store) {
		this.mailbox = mailbox;
		this.store = store;
	}

	/**
	 * Connects and signs in.
	 * @param mailbox the mailbox's settings
	 * @return the open connection
	 * @throws ConnectorException when the settings are refused or the server cannot be
	 * reached or refuses the login
	 */
	static ImapConnection open(Mailbox mailbox) {
		if (mailbox.tls() == Tls.NONE && !mailbox.allowPlain()) {
			throw new ConnectorException("mailbox.failure.plainRefused", mailbox.name());
		}
		if (mailbox.host() == null || mailbox.user() == null
				|| (isBlank(mailbox.password()) && isBlank(mailbox.oauthToken()))) {
			throw new ConnectorException("mailbox.failure.notConfigured", mailbox.name());
		}
		String protocol = (mailbox.tls() == Tls.IMPLICIT) ? "imaps" : "imap";
		Properties properties = new Properties();
		String prefix = "mail." + protocol + ".";
		properties.put(prefix + "connectiontimeout", String.valueOf(mailbox.connectTimeout().toMillis()));
		properties.put(prefix + "timeout", String.valueOf(mailbox.timeout().toMillis()));
		properties.put(prefix + "writetimeout", String.valueOf(mailbox.timeout().toMillis()));
		// never search on the client (which downloads the mailbox) when the server cannot
		properties.put(prefix + "throwsearchexception", "true");
		// headers only: no partial body downloads behind our back
		properties.put(prefix + "partialfetch", "true");
		properties.put(prefix + "fetchsize", "65536");
		properties.put(prefix + "connectionpoolsize", "1");
		if (mailbox.tls() == Tls.STARTTLS) {
			properties.put(prefix + "starttls.enable", "true");
			properties.put(prefix + "starttls.required", "true");
		}
		if (mailbox.tls() != Tls.NONE) {
			properties.put(prefix + "ssl.checkserveridentity", "true");
		}
		String secret = mailbox.password();
		if (!isBlank(mailbox.oauthToken())) {
			properties.put(prefix + "auth.mechanisms", "XOAUTH2");
			properties.put(prefix + "auth.login.disable", "true");
			properties.put(prefix + "auth.plain.disable", "true");
			secret = mailbox.oauthToken();
		}
		IMAPStore store = null;
		try {
			store = (IMAPStore) Session.getInstance(properties).getStore(protocol);
			store.connect(mailbox.host(), mailbox.portOrDefault(), mailbox.user(), secret);
			return new ImapConnection(mailbox, store);
		}
		catch (MessagingException ex) {
			closeQuietly(store);
			throw failure(mailbox, ex);
		}
		catch (RuntimeException ex) {
			closeQuietly(store);
			throw ex;
		}
	}

	Mailbox mailbox() {
		return this.mailbox;
	}

	IMAPStore store() {
		return this.store;
	}

	/**
	 * The folders to search: the configured ones, or every folder that holds messages but
	 * the trash.
	 * @return the folders, not open
	 * @throws MessagingException when the server cannot list them
	 */
	java.util.List<Folder> foldersToSearch() throws MessagingException {
		java.util.List<Folder> folders = new java.util.ArrayList<>();
		if (!this.mailbox.folders().isEmpty()) {
			for (String name : this.mailbox.folders()) {
				folders.add(this.store.getFolder(name));
			}
			return folders;
		}
		for (Folder folder : this.store.getDefaultFolder().list("*")) {
			if ((folder.getType() & Folder.HOLDS_MESSAGES) != 0
					&& !folder.getFullName().equalsIgnoreCase(this.mailbox.trashFolder())) {
				folders.add(folder);
			}
		}
		return folders;
	}

	/**
	 * A translated failure for something the server did or did not do.
	 * @param mailbox the mailbox
	 * @param ex what Jakarta Mail threw
	 * @return the exception to throw
	 */
	static ConnectorException failure(Mailbox mailbox, Exception ex) {
		if (ex instanceof AuthenticationFailedException) {
			return new ConnectorException("mailbox.failure.authentication", mailbox.name());
		}
		if (ex instanceof FolderNotFoundException notFound) {
			String folder = (notFound.getFolder() != null) ? notFound.getFolder().getFullName() : "?";
			return new ConnectorException("mailbox.failure.folderGone", mailbox.name(), folder);
		}
		if (ex instanceof StoreClosedException || ex instanceof FolderClosedException) {
			return new ConnectorException("mailbox.failure.dropped", mailbox.name());
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SocketTimeoutException) {
				return new ConnectorException("mailbox.failure.timeout", mailbox.name());
			}
			if (cause instanceof SSLException) {
				return new ConnectorException("mailbox.failure.tls", mailbox.name());
			}
			if (cause instanceof UnknownHostException || cause instanceof java.net.ConnectException) {
				return new ConnectorException("mailbox.failure.unreachable", mailbox.name());
			}
			if (cause instanceof java.io.EOFException || cause instanceof java.net.SocketException
					|| cause instanceof org.eclipse.angus.mail.iap.ConnectionException
					|| String.valueOf(cause.getMessage())
						.toLowerCase(java.util.Locale.ROOT)
						.contains("connection dropped")) {
				return new ConnectorException("mailbox.failure.dropped", mailbox.name());
			}
		}
		String message = String.valueOf(ex.getMessage()).toLowerCase(java.util.Locale.ROOT);
		if (message.contains("starttls")) {
			return new ConnectorException("mailbox.failure.tls", mailbox.name());
		}
		return new ConnectorException("mailbox.failure.server", mailbox.name());
	}

	@Override
	public void close() {
		closeQuietly(this.store);
	}

	private static void closeQuietly(IMAPStore store) {
		if (store != null) {
			try {
				store.close();
			}
			catch (MessagingException | RuntimeException ex) {
				// closing a broken connection: nothing left to do
			}
		}
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

}
