package se.dsrdesk.notification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import se.dsrdesk.system.Branding;
import se.dsrdesk.system.ControllerIdentity;
import se.dsrdesk.system.DisplayFormats;

/**
 * Renders a mail in its recipient's language: the subject from the message
 * {@code mail.<template>.subject}, the HTML body from
 * {@code templates/mail/<template>.html} and the text body from
 * {@code templates/mail/<template>.txt}. Templates see their model plus
 * {@code controller} (the {@link ControllerIdentity}, for the footer), {@code baseUrl},
 * {@code subject} and {@code toPerson} (whether the mail goes to a data subject rather
 * than to staff).
 * <p>
 * In a mail to a person every date of the model (and of the subject's arguments) is
 * written in long form in the mail's language, as running text wants it: "1 mars 2027",
 * "1 March 2027" ({@link DisplayFormats#longDate}). Mails to staff keep ISO dates, which
 * their lists sort and compare.
 */
@Component
class MailRenderer {

	static final Locale SWEDISH = Locale.forLanguageTag("sv");

	private final ITemplateEngine templates;

	private final MessageSource messages;

	private final ControllerIdentity controller;

	private final OutboxProperties properties;

	private final Branding branding;

	MailRenderer(ITemplateEngine templates, MessageSource messages, ControllerIdentity controller,
			OutboxProperties properties, ObjectProvider<Branding> branding) {
		this.templates = templates;
		this.messages = messages;
		this.controller = controller;
		this.properties = properties;
		// The public pages' logo and colour head the mails to people too; without the
		// settings (slice tests), the plain header.
		this.branding = branding.getIfAvailable(() -> new Branding("", ""));
	}

	/**
	 * The language a mail is written in: Swedish, or English for anything else.
	 * @param requested the language asked for
	 * @return {@code sv} or {@code en}
	 */
	static String language(Locale requested) {
		return SWEDISH.getLanguage().equals(requested.getLanguage()) ? "sv" : "en";
	}

	Rendered render(OutgoingMail mail) {
		Locale locale = Locale.forLanguageTag(language(mail.language()));
		boolean toPerson = mail.recipientKind() == RecipientKind.SUBJECT;
		Object[] subjectArguments = subjectArguments(mail);
		Map<String, Object> variables = new HashMap<>(mail.model());
		if (toPerson) {
			for (int i = 0; i < subjectArguments.length; i++) {
				subjectArguments[i] = written(subjectArguments[i], locale);
			}
			variables.replaceAll((name, value) -> written(value, locale));
		}
		String subject = this.messages.getMessage("mail." + mail.template() + ".subject", subjectArguments, locale);
		variables.put("toPerson", toPerson);
		variables.put("controller", this.controller);
		variables.put("branding", this.branding);
		variables.put("baseUrl", this.properties.baseUrl());
		variables.put("subject", subject);
		Context context = new Context(locale, variables);
		String html = this.templates.process("mail/" + mail.template(), context);
		String text = this.templates.process("mail/" + mail.template() + ".txt", context);
		return new Rendered(subject, text, html);
	}

	private static Object written(Object value, Locale locale) {
		return (value instanceof LocalDate date) ? DisplayFormats.longDate(date, locale) : value;
	}

	/**
	 * The subject's arguments: the company name as {@code {0}}, then the model's
	 * {@value OutgoingMail#SUBJECT_ARGUMENTS}, if any.
	 */
	private Object[] subjectArguments(OutgoingMail mail) {
		List<Object> arguments = new ArrayList<>();
		arguments.add(this.controller.name());
		if (mail.model().get(OutgoingMail.SUBJECT_ARGUMENTS) instanceof List<?> extra) {
			arguments.addAll(extra);
		}
		return arguments.toArray();
	}

	/**
	 * A rendered mail.
	 *
	 * @param subject the subject line
	 * @param text the plain-text body
	 * @param html the HTML body
	 */
	record Rendered(String subject, String text, String html) {

	}

}
