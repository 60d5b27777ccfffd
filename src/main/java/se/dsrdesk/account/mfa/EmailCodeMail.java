package se.dsrdesk.account.mfa;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.web.authentication.ott.OneTimeTokenGenerationSuccessHandler;

import se.dsrdesk.account.StaffUserRepository;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.system.ControllerIdentity;

/**
 * Sends a sign-in code to the signed-in staff member's own address, at once (it is not
 * queued: the code must never be stored readable), in their language, then returns to the
 * second-factor page to type it.
 */
class EmailCodeMail implements OneTimeTokenGenerationSuccessHandler {

	private static final Log log = LogFactory.getLog(EmailCodeMail.class);

	private final JavaMailSender mailSender;

	private final MessageSource messages;

	private final StaffUserRepository users;

	private final AuditLog auditLog;

	private final InternetAddress from;

	private final Duration validity;

	EmailCodeMail(JavaMailSender mailSender, MessageSource messages, StaffUserRepository users, AuditLog auditLog,
			String configuredFrom, ControllerIdentity controller, Duration validity) {
		this.mailSender = mailSender;
		this.messages = messages;
		this.users = users;
		this.auditLog = auditLog;
		this.from = sender(configuredFrom, controller);
		this.validity = validity;
	}

	private static InternetAddress sender(String configured, ControllerIdentity controller) {
		try {
			if (configured != null && !configured.isBlank()) {
				return new InternetAddress(configured, true);
			}
			return new InternetAddress(controller.privacyEmail(), controller.name(), StandardCharsets.UTF_8.name());
		}
		catch (MessagingException | UnsupportedEncodingException ex) {
			throw new IllegalStateException("dsr.mail.from (or dsr.controller.privacy-email) is not an address", ex);
		}
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, OneTimeToken token)
			throws IOException {
		var user = this.users.findByEmail(token.getUsername()).orElse(null);
		if (user == null) {
			response.sendRedirect(request.getContextPath() + SecondFactors.SECOND_FACTOR_PAGE + "?mailFailed");
			return;
		}
		Locale locale = Locale.forLanguageTag(user.getPreferredLanguage());
		String code = token.getTokenValue();
		String shown = code.substring(0, 4) + "-" + code.substring(4);
		try {
			MimeMessage message = this.mailSender.createMimeMessage();
			message.setFrom(this.from);
			message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(user.getEmail()));
			message.setSubject(this.messages.getMessage("mfa.mail.subject", new Object[] { shown }, locale),
					StandardCharsets.UTF_8.name());
			message.setText(
					this.messages.getMessage("mfa.mail.body",
							new Object[] { user.getDisplayName(), shown, this.validity.toMinutes() }, locale),
					StandardCharsets.UTF_8.name());
			this.mailSender.send(message);
		}
		catch (MessagingException | MailException ex) {
			log.warn("A sign-in code could not be sent to staff user " + user.getId() + ": " + ex.getMessage());
			response.sendRedirect(request.getContextPath() + SecondFactors.SECOND_FACTOR_PAGE + "?mailFailed");
			return;
		}
		this.auditLog.record(MfaAudit.actor(user.getId()), "MFA_EMAIL_CODE_SENT", "STAFF_USER", user.getId(), null);
		response.sendRedirect(request.getContextPath() + SecondFactors.SECOND_FACTOR_PAGE + "?sent");
	}

}
