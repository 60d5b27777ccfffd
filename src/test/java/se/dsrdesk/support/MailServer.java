package se.dsrdesk.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server for tests (GreenMail on port 3025, where the {@code test} profile
 * sends mail; the environment variable {@code TEST_SMTP_PORT} moves both, so that two
 * builds can run side by side on one machine). Register it in a test class with
 * {@code @RegisterExtension static MailServer mail = new MailServer();}.
 */
public class MailServer extends GreenMailExtension {

	/** The port the {@code test} profile's mail settings point at. */
	public static final int PORT = port();

	public MailServer() {
		super(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		withPerMethodLifecycle(true);
	}

	private static int port() {
		String configured = System.getenv("TEST_SMTP_PORT");
		return (configured != null && !configured.isBlank()) ? Integer.parseInt(configured.strip()) : 3025;
	}

	/**
	 * The messages received so far for one recipient.
	 * @param recipient the address
	 * @return the messages, oldest first
	 */
	public List<MimeMessage> messagesTo(String recipient) {
		return Arrays.stream(getReceivedMessages()).filter((message) -> isTo(message, recipient)).toList();
	}

	/**
	 * Waits until at least {@code count} messages have arrived for one recipient. Other
	 * mail may arrive meanwhile: the test database holds other tests' queued mail too.
	 * @param recipient the address
	 * @param count how many to wait for
	 * @param timeout how long to wait at most
	 * @return the messages for the recipient when they arrived or the time ran out
	 */
	public List<MimeMessage> awaitMessagesTo(String recipient, int count, Duration timeout) {
		long end = System.nanoTime() + timeout.toNanos();
		List<MimeMessage> messages = messagesTo(recipient);
		while (messages.size() < count && System.nanoTime() < end) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			messages = messagesTo(recipient);
		}
		return messages;
	}

	/**
	 * The whole text of a message, bodies of all parts included.
	 * @param message the message
	 * @return its text
	 */
	public static String text(MimeMessage message) {
		return GreenMailUtil.getBody(message);
	}

	/**
	 * The decoded plain-text body of a message (the first {@code text/plain} part).
	 * @param message the message
	 * @return its plain text
	 */
	public static String plainText(MimeMessage message) {
		try {
			return plainText((jakarta.mail.Part) message);
		}
		catch (MessagingException | java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String plainText(jakarta.mail.Part part) throws MessagingException, java.io.IOException {
		if (part.isMimeType("text/plain")) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String text = plainText(multipart.getBodyPart(i));
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}

	private static boolean isTo(MimeMessage message, String recipient) {
		try {
			return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
				.anyMatch((address) -> address.toString().equalsIgnoreCase(recipient));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
