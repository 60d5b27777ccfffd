package se.dsrdesk.mailbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
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
	 */
	public record Mailbox(String name, String host, Integer port, @DefaultValue("IMPLICIT") Tls tls,
			@DefaultValue("false") boolean allowPlain, String user, String password, String oauthToken,
			@DefaultValue List<String> folders, @DefaultValue("Trash") String trashFolder, Long locationId,
			@DefaultValue("EXPUNGE") DeleteMode deleteMode, @DefaultValue("50") int pageSize,
			@DefaultValue("10s") Duration connectTimeout, @DefaultValue("60s") Duration timeout) {

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
