package se.dsrdesk.mailbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;

import se.dsrdesk.mailbox.MailboxProperties.DeleteMode;
import se.dsrdesk.mailbox.MailboxProperties.Mailbox;
import se.dsrdesk.mailbox.MailboxProperties.Tls;

/**
 * A real IMAP server for the mailbox tests (GreenMail), on a free port chosen by the
 * system so that builds running side by side never clash, with helpers to fill folders by
 * IMAP {@code APPEND} and to read what is left.
 */
final class ImapServer implements AutoCloseable {

	private final GreenMail greenMail;

	ImapServer() {
		this.greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort());
		this.greenMail.start();
	}

	int port() {
		return this.greenMail.getImap().getPort();
	}

	GreenMail greenMail() {
		return this.greenMail;
	}

	/**
	 * Adds a user (a mailbox).
	 * @param login the login, also its address
	 * @param password its password
	 */
	void user(String login, String password) {
		this.greenMail.setUser(login, login, password);
	}

	/**
	 * Settings for a user's mailbox on this server.
	 * @param name the mailbox's name
	 * @param login the login
	 * @param password the password
	 * @param locationId its location
	 * @param mode what erasing does
	 * @return the settings
	 */
	Mailbox mailbox(String name, String login, String password, long locationId, DeleteMode mode) {
		return new Mailbox(name, "127.0.0.1", port(), Tls.NONE, true, login, password, null, List.of(), "Trash",
				locationId, mode, 50, Duration.ofSeconds(5), Duration.ofSeconds(10));
	}

	/**
	 * Appends mails to a folder, creating it if needed.
	 * @param login the mailbox
	 * @param password its password
	 * @param folderName the folder
	 * @param mails the mails
	 */
	void append(String login, String password, String folderName, MimeMessage... mails) {
		try (Store store = store(login, password)) {
			Folder folder = store.getFolder(folderName);
			if (!folder.exists()) {
				folder.create(Folder.HOLDS_MESSAGES);
			}
			folder.appendMessages(mails);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The subjects in a folder.
	 * @param login the mailbox
	 * @param password its password
	 * @param folderName the folder
	 * @return the subjects of the mails there, in order
	 */
	List<String> subjects(String login, String password, String folderName) {
		try (Store store = store(login, password)) {
			Folder folder = store.getFolder(folderName);
			if (!folder.exists()) {
				return List.of();
			}
			folder.open(Folder.READ_ONLY);
			List<String> subjects = new ArrayList<>();
			for (Message message : folder.getMessages()) {
				subjects.add(message.getSubject());
			}
			folder.close(false);
			return subjects;
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Flags a mail {@code \Deleted} without expunging it (as another mail client would).
	 * @param login the mailbox
	 * @param password its password
	 * @param folderName the folder
	 * @param subject the mail's subject
	 */
	void flagDeleted(String login, String password, String folderName, String subject) {
		try (Store store = store(login, password)) {
			Folder folder = store.getFolder(folderName);
			folder.open(Folder.READ_WRITE);
			for (Message message : folder.getMessages()) {
				if (subject.equals(message.getSubject())) {
					message.setFlag(jakarta.mail.Flags.Flag.DELETED, true);
				}
			}
			folder.close(false);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	long uidValidity(String login, String password, String folderName) {
		try (Store store = store(login, password)) {
			UIDFolder folder = (UIDFolder) store.getFolder(folderName);
			((Folder) folder).open(Folder.READ_ONLY);
			long validity = folder.getUIDValidity();
			((Folder) folder).close(false);
			return validity;
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	Store store(String login, String password) throws MessagingException {
		Store store = Session.getInstance(new Properties()).getStore("imap");
		store.connect("127.0.0.1", port(), login, password);
		return store;
	}

	@Override
	public void close() {
		this.greenMail.stop();
	}

}
