package se.dsrdesk.mailbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/** Mails for the mailbox tests, built like a mail client builds them. */
final class Mails {

	private static final Session SESSION = Session.getInstance(new java.util.Properties());

	private Mails() {
	}

	static Builder mail(String subject) {
		return new Builder(subject);
	}

	static final class Builder {

		private final MimeMessage message = new MimeMessage(SESSION);

		private String text = "Hej!";

		private String attachment;

		private int counter;

		Builder(String subject) {
			try {
				this.message.setSubject(subject, "UTF-8");
				this.message.setFrom(new InternetAddress("someone@example.org"));
				this.message.setSentDate(Date.from(Instant.parse("2026-05-04T10:15:00Z")));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}

		Builder from(String address, String name) {
			try {
				this.message.setFrom(new InternetAddress(address, name, "UTF-8"));
			}
			catch (java.io.UnsupportedEncodingException ex) {
				throw new IllegalStateException(ex);
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
			return this;
		}

		Builder to(String address) {
			return recipient(Message.RecipientType.TO, address);
		}

		Builder cc(String address) {
			return recipient(Message.RecipientType.CC, address);
		}

		Builder bcc(String address) {
			return recipient(Message.RecipientType.BCC, address);
		}

		Builder text(String text) {
			this.text = text;
			return this;
		}

		Builder sent(String instant) {
			try {
				this.message.setSentDate(Date.from(Instant.parse(instant)));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
			return this;
		}

		Builder attachment(String fileName) {
			this.attachment = fileName;
			return this;
		}

		private Builder recipient(Message.RecipientType type, String address) {
			try {
				this.message.addRecipient(type, new InternetAddress(address));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
			return this;
		}

		MimeMessage build() {
			try {
				if (this.attachment == null) {
					this.message.setText(this.text, "UTF-8");
				}
				else {
					MimeMultipart multipart = new MimeMultipart();
					MimeBodyPart body = new MimeBodyPart();
					body.setText(this.text, "UTF-8");
					multipart.addBodyPart(body);
					MimeBodyPart file = new MimeBodyPart();
					file.setDataHandler(new DataHandler(new ByteArrayDataSource(
							("%PDF-1.4 kvitto " + (++this.counter)).getBytes(StandardCharsets.US_ASCII),
							"application/pdf")));
					file.setFileName(jakarta.mail.internet.MimeUtility.encodeText(this.attachment, "UTF-8", "Q"));
					file.setDisposition(jakarta.mail.Part.ATTACHMENT);
					multipart.addBodyPart(file);
					this.message.setContent(multipart);
				}
				this.message.saveChanges();
				return this.message;
			}
			catch (MessagingException | java.io.UnsupportedEncodingException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
