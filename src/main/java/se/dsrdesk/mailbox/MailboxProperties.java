package se.dsrdesk.mailbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The company's mailboxes that DSR Desk searches ({@code dsr.mailboxes[n].*}). Secrets
 * (password, OAuth token) come from the environment only, for example
 * {@code DSR_MAILBOXES_0_PASSWORD}.
 *
 * @param mailboxes the mailboxes, none by default
 */
@ConfigurationProperties("dsr")
public record MailboxProperties(@DefaultValue List<Mailbox> mailboxes) {

	public MailboxProperties {
		mailboxes = (mailboxes != null) ? List.copyOf(mailboxes) : List.of();
		if (mailboxes.stream().filter(Mailbox::privacyInbox).count() > 1) {
			throw new IllegalStateException("Only one of dsr.mailboxes can be the privacy inbox");
		}
	}

	/**
	 * The mailbox marked as the privacy inbox.
	 * @return it, or empty when none is
	 */
	public java.util.Optional<Mailbox> privacyInbox() {
		return this.mailboxes.stream().filter(Mailbox::privacyInbox).findFirst();
	}

	/** How the connection is protected. */
	public enum Tls {

		/** TLS from the first byte (IMAPS, port 993). */
		IMPLICIT,

		/** Plain connection upgraded with STARTTLS (port 143); refused if not offered. */
		STARTTLS,

		/**
		 * No encryption: refused unless {@code allow-plain} is set (tests, a local
		 * relay).
		 */
		NONE

	}

	/** What erasing a mail does. */
	public enum DeleteMode {

		/** Flag {@code \Deleted} and {@code UID EXPUNGE} exactly the selected mails. */
		EXPUNGE,

		/** Move to the trash folder and expunge them there. */
		TRASH

	}

	/** What intake does with a mail of the privacy inbox once it is stored. */
	public enum Handled {

		/** Adds the keyword {@code handled-keyword} (the mail stays where it is). */
		KEYWORD,

		/** Moves it to {@code handled-folder} (created when missing). */
		MOVE

	}

	/**
	 * One mailbox.
	 *
	 * @param name a short name shown to staff and kept in evidence (such as
	 * {@code support}); by default the user
	 * @param host the IMAP server
	 * @param port its port; 993 for implicit TLS, 143 otherwise, by default
	 * @param tls how the connection is protected, implicit TLS by default
	 * @param allowPlain whether a connection without TLS is allowed (never by default)
	 * @param user the login
	 * @param password the password or app password (from the environment)
	 * @param oauthToken an OAuth 2.0 access token for XOAUTH2 (Microsoft 365, Gmail),
	 * used instead of the password when set (from the environment)
	 * @param folders the folders to search; every folder but the trash when empty
	 * @param trashFolder the trash folder: never searched by default, target of
	 * {@link DeleteMode#TRASH}
	 * @param locationId the data location (register id) this mailbox belongs to
	 * @param deleteMode what erasing does
	 * @param pageSize hits per page on the task
	 * @param connectTimeout how long to wait for the connection
	 * @param timeout how long to wait for each answer of the server
	 * @param privacyInbox whether this is the privacy inbox, whose new mails become
	 * incoming mail for case handlers (one mailbox at most)
	 * @param inboxFolder the privacy inbox's folder to watch
	 * @param handled what intake does with a mail once stored (never delete it)
	 * @param handledKeyword the keyword added to handled mails
	 * @param handledFolder the folder handled mails are moved to
	 * @param address the privacy inbox's address, whose sub-addresses
	 * ({@code local+key@domain}) are the requests' reply addresses; by default the
	 * controller's privacy address
	 */
	public record Mailbox(String name, String host, Integer port, @DefaultValue("IMPLICIT") Tls tls,
			@DefaultValue("false") boolean allowPlain, String user, String password, String oauthToken,
			@DefaultValue List<String> folders, @DefaultValue("Trash") String trashFolder, Long locationId,
			@DefaultValue("EXPUNGE") DeleteMode deleteMode, @DefaultValue("50") int pageSize,
			@DefaultValue("10s") Duration connectTimeout, @DefaultValue("60s") Duration timeout,
			@DefaultValue("false") boolean privacyInbox, @DefaultValue("INBOX") String inboxFolder,
			@DefaultValue("KEYWORD") Handled handled, @DefaultValue("DsrDeskHandled") String handledKeyword,
			@DefaultValue("DSR Desk") String handledFolder, String address) {

		/** A mailbox that is not the privacy inbox. */
		public Mailbox(String name, String host, Integer port, Tls tls, boolean allowPlain, String user,
				String password, String oauthToken, List<String> folders, String trashFolder, Long locationId,
				DeleteMode deleteMode, int pageSize, Duration connectTimeout, Duration timeout) {
			this(name, host, port, tls, allowPlain, user, password, oauthToken, folders, trashFolder, locationId,
					deleteMode, pageSize, connectTimeout, timeout, false, null, null, null, null, null);
		}

		@ConstructorBinding
		public Mailbox {
			folders = (folders != null) ? List.copyOf(folders) : List.of();
			tls = (tls != null) ? tls : Tls.IMPLICIT;
			deleteMode = (deleteMode != null) ? deleteMode : DeleteMode.EXPUNGE;
			trashFolder = (trashFolder != null && !trashFolder.isBlank()) ? trashFolder : "Trash";
			pageSize = (pageSize > 0) ? Math.min(pageSize, 500) : 50;
			connectTimeout = (connectTimeout != null) ? connectTimeout : Duration.ofSeconds(10);
			timeout = (timeout != null) ? timeout : Duration.ofSeconds(60);
			if (name == null || name.isBlank()) {
				name = (user != null) ? user : host;
			}
			inboxFolder = (inboxFolder != null && !inboxFolder.isBlank()) ? inboxFolder : "INBOX";
			handled = (handled != null) ? handled : Handled.KEYWORD;
			handledKeyword = (handledKeyword != null && !handledKeyword.isBlank()) ? handledKeyword : "DsrDeskHandled";
			handledFolder = (handledFolder != null && !handledFolder.isBlank()) ? handledFolder : "DSR Desk";
		}

		/**
		 * The port to connect to.
		 * @return the configured port, or the protocol's usual one
		 */
		public int portOrDefault() {
			return (this.port != null) ? this.port : ((this.tls == Tls.IMPLICIT) ? 993 : 143);
		}

	}

}
