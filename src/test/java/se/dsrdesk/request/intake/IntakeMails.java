package se.dsrdesk.request.intake;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.springframework.context.ApplicationContext;

import se.dsrdesk.notification.MailDispatch;
import se.dsrdesk.support.MailServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the mails the intake sends, as the person would: the decoded plain-text part and
 * the links in it.
 */
final class IntakeMails {

	private static final Pattern CONFIRM_LINK = Pattern.compile("/request/confirm\\?token=([A-Za-z0-9_-]{43})");

	private static final Pattern STATUS_LINK = Pattern.compile("(/request/status/DSR-\\d{4}-\\d{6}/[A-Za-z0-9_-]{43})");

	private IntakeMails() {
	}

	/**
	 * Sends what is queued and returns the plain text of every mail to an address.
	 */
	static List<String> deliveredTo(ApplicationContext context, MailServer mail, String recipient) {
		return deliveredTo(context, mail, recipient, 0);
	}

	/**
	 * Sends what is queued and waits until at least a number of mails reached an address
	 * (the dispatcher may be sending on its own thread meanwhile), then gives a moment
	 * for any further one.
	 */
	static List<String> deliveredTo(ApplicationContext context, MailServer mail, String recipient, int atLeast) {
		long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		MailDispatch.now(context);
		while (mail.messagesTo(recipient).size() < atLeast && System.nanoTime() < until) {
			pause();
			MailDispatch.now(context);
		}
		pause();
		return mail.messagesTo(recipient).stream().map(IntakeMails::plainText).toList();
	}

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static String plainText(MimeMessage message) {
		try {
			Object content = message.getContent();
			if (content instanceof Multipart multipart) {
				return findText(multipart);
			}
			return content.toString();
		}
		catch (IOException | MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String findText(Multipart multipart) throws MessagingException, IOException {
		for (int i = 0; i < multipart.getCount(); i++) {
			BodyPart part = multipart.getBodyPart(i);
			if (part.isMimeType("text/plain")) {
				return (String) part.getContent();
			}
			if (part.getContent() instanceof Multipart nested) {
				String text = findText(nested);
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}

	static String confirmToken(String text) {
		Matcher matcher = CONFIRM_LINK.matcher(text);
		assertThat(matcher.find()).as("a confirmation link in: " + text).isTrue();
		return matcher.group(1);
	}

	static String statusPath(String text) {
		Matcher matcher = STATUS_LINK.matcher(text);
		assertThat(matcher.find()).as("a status link in: " + text).isTrue();
		return matcher.group(1);
	}

}
