package se.dsrdesk.notification;

import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.mail.MailSendException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures are for good, and which mails the law requires.
 */
class MailFailuresTest {

	@Nested
	class Permanent {

		@Test
		void aFiveHundredReplyToTheRecipientIsForGood() throws Exception {
			SMTPAddressFailedException refused = new SMTPAddressFailedException(
					new InternetAddress("someone@example.com"), "RCPT TO", 550, "5.1.1 User unknown");
			SendFailedException wrapped = new SendFailedException("Invalid Addresses", refused);
			assertThat(MailDispatcher.permanent(new MailSendException("Failed messages", wrapped))).isTrue();
		}

		@Test
		void aFourHundredReplyToTheRecipientPasses() throws Exception {
			SMTPAddressFailedException busy = new SMTPAddressFailedException(new InternetAddress("someone@example.com"),
					"RCPT TO", 451, "4.3.0 Try again later");
			assertThat(MailDispatcher.permanent(new MailSendException("Failed messages", busy))).isFalse();
		}

		@Test
		void aFiveHundredReplyToTheMessageIsForGoodButNotOneToTheSender() throws Exception {
			assertThat(MailDispatcher.permanent(new MailSendException("Failed",
					new SMTPSendFailedException("DATA", 554, "5.7.1 Message rejected", null, null, null, null))))
				.isTrue();
			assertThat(MailDispatcher.permanent(new MailSendException("Failed", new SMTPSenderFailedException(
					new InternetAddress("dsr@example.com"), "MAIL FROM", 553, "5.7.1 Sender not allowed"))))
				.isFalse();
		}

		@Test
		void anInvalidAddressIsForGood() {
			assertThat(MailDispatcher.permanent(new AddressException("Illegal address", "a@@b"))).isTrue();
		}

		@Test
		void anOutageOrATimeoutPasses() {
			assertThat(MailDispatcher.permanent(new MailSendException("Mail server connection failed",
					new java.net.SocketTimeoutException("Read timed out"))))
				.isFalse();
			assertThat(MailDispatcher.serverUnreachable(new MailSendException("Mail server connection failed",
					new java.net.SocketTimeoutException("Read timed out"))))
				.isTrue();
		}

	}

	@Nested
	class LegallyRequired {

		@Test
		@DisplayName("GDPR Article 12(3): the notice of an extension, with its reasons, is legally required")
		void extensionNotice() {
			assertThat(LegalNotices.isLegalNotice(RecipientKind.SUBJECT, "request-extended")).isTrue();
			assertThat(LegalNotices.TEMPLATES).containsEntry("request-extended", "GDPR Article 12(3)");
		}

		@Test
		@DisplayName("GDPR Article 12(3): the answer to a request is legally required")
		void answer() {
			assertThat(LegalNotices.isLegalNotice(RecipientKind.SUBJECT, "request-answer")).isTrue();
		}

		@Test
		@DisplayName("GDPR Article 12(4): the reasons for not taking action are legally required")
		void refusal() {
			assertThat(LegalNotices.isLegalNotice(RecipientKind.SUBJECT, "request-rejected")).isTrue();
		}

		@Test
		@DisplayName("GDPR Article 12(6): the request for information to confirm identity is legally required")
		void identityQuestion() {
			assertThat(LegalNotices.isLegalNotice(RecipientKind.SUBJECT, "request-information-needed")).isTrue();
		}

		@Test
		@DisplayName("Confirmations, reminders and staff notices are not required by the GDPR")
		void others() {
			assertThat(LegalNotices.isLegalNotice(RecipientKind.SUBJECT, "request-acknowledged")).isFalse();
			assertThat(LegalNotices.isLegalNotice(RecipientKind.SUBJECT, "request-confirm")).isFalse();
			assertThat(LegalNotices.isLegalNotice(RecipientKind.STAFF, "request-extended")).isFalse();
		}

	}

}
