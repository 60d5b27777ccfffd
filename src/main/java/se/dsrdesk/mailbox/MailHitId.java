package se.dsrdesk.mailbox;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;

import se.dsrdesk.system.RefusedException;

/**
 * How a mail is found again: mailbox, folder, the folder's UIDVALIDITY and the mail's
 * UID. Written as {@code mailbox:uidvalidity:uid:folder} (mailbox URL-encoded, the folder
 * last because it may hold any character).
 *
 * @param mailbox the mailbox's name
 * @param folder the folder's full name
 * @param uidValidity the folder's UIDVALIDITY when the mail was found
 * @param uid the mail's UID
 */
record MailHitId(String mailbox, String folder, long uidValidity, long uid) {

	@Override
	public String toString() {
		return URLEncoder.encode(this.mailbox, StandardCharsets.UTF_8) + ":" + this.uidValidity + ":" + this.uid + ":"
				+ this.folder;
	}

	/**
	 * Reads a hit id.
	 * @param text as {@link #toString()} wrote it
	 * @return the id
	 * @throws RefusedException when it is not one
	 */
	static MailHitId parse(String text) {
		String[] parts = text.split(":", 4);
		try {
			if (parts.length == 4 && !parts[3].isEmpty()) {
				return new MailHitId(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), parts[3],
						Long.parseLong(parts[1]), Long.parseLong(parts[2]));
			}
		}
		catch (IllegalArgumentException ex) {
			// falls through to the refusal
		}
		throw new RefusedException(HttpStatus.BAD_REQUEST, null, "mailbox.badHit");
	}

}
