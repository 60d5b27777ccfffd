package se.dsrdesk.notification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import se.dsrdesk.system.ControllerIdentity;

/**
 * Renders a mail in its recipient's language: the subject from the message
 * {@code mail.<template>.subject}, the HTML body from
 * {@code templates/mail/<template>.html} and the text body from
 * {@code templates/mail/<template>.txt}. Templates see their model plus
 * {@code controller} (the {@link ControllerIdentity}, for the footer), {@code baseUrl}
 * and {@code subject}.
 */
@Component
class MailRenderer {

	static final Locale SWEDISH = Locale.forLanguageTag("sv");

	private final ITemplateEngine templates;

	private final MessageSource messages;

	private final ControllerIdentity controller;

	private final OutboxProperties properties;

	MailRenderer(ITemplateEngine templates, MessageSource messages, ControllerIdentity controller,
			OutboxProperties properties) {
		this.templates = templates;
		this.messages = messages;
		this.controller = controller;
		this.properties = properties;
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
		String subject = this.messages.getMessage("mail." + mail.template() + ".subject", subjectArguments(mail),
				locale);
		Map<String, Object> variables = new HashMap<>(mail.model());
		variables.put("controller", this.controller);
		variables.put("baseUrl", this.properties.baseUrl());
		variables.put("subject", subject);
		Context context = new Context(locale, variables);
		String html = this.templates.process("mail/" + mail.template(), context);
		String text = this.templates.process("mail/" + mail.template() + ".txt", context);
		return new Rendered(subject, text, html);
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
