package se.dsrdesk.notification;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.thymeleaf.ITemplateEngine;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.MessageSource;

import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.system.Branding;
import se.dsrdesk.system.ControllerIdentity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mail is rendered in the recipient's language, as text and as HTML, with the controller
 * named in the footer of both.
 */
@IntegrationTest
class MailRendererTest {

	@Autowired
	MailRenderer renderer;

	@Autowired
	ControllerIdentity controller;

	@Autowired
	ITemplateEngine templates;

	@Autowired
	MessageSource messages;

	@Autowired
	OutboxProperties properties;

	static OutgoingMail welcome(Locale language) {
		return new OutgoingMail("anna@example.com", RecipientKind.STAFF, language, "staff-account-created",
				Map.of("displayName", "Anna <Andersson>"), null);
	}

	@Test
	void swedish() {
		MailRenderer.Rendered mail = this.renderer.render(welcome(Locale.forLanguageTag("sv-SE")));
		assertThat(mail.subject()).isEqualTo("Ditt konto i DSR Desk hos " + this.controller.name());
		assertThat(mail.text())
			.contains("Hej Anna <Andersson>!", "Ett konto har skapats åt dig i DSR Desk", "http://localhost:8080/login",
					"Din administratör ger dig lösenordet")
			.doesNotContain("[(", "#{", "${");
		assertThat(mail.html()).contains("<html lang=\"sv\">", "Hej Anna &lt;Andersson&gt;!",
				"href=\"http://localhost:8080/login\"", "Din administratör ger dig lösenordet");
		assertFooter(mail, "Personuppgiftsansvarig", "org.nr", "Kontakt om personuppgifter", "skickades automatiskt");
	}

	@Test
	void english() {
		MailRenderer.Rendered mail = this.renderer.render(welcome(Locale.ENGLISH));
		assertThat(mail.subject()).isEqualTo("Your DSR Desk account at " + this.controller.name());
		assertThat(mail.text()).contains("Hello Anna <Andersson>,", "An account has been created for you",
				"Sign in with this email address at http://localhost:8080/login",
				"Your administrator gives you the password");
		assertThat(mail.html()).contains("<html lang=\"en\">", "Hello Anna &lt;Andersson&gt;,");
		assertFooter(mail, "Data controller", "org. no.", "Privacy contact", "sent automatically");
	}

	@Test
	void anyOtherLanguageGetsEnglish() {
		assertThat(MailRenderer.language(Locale.GERMAN)).isEqualTo("en");
		assertThat(MailRenderer.language(Locale.forLanguageTag("sv-FI"))).isEqualTo("sv");
		assertThat(this.renderer.render(welcome(Locale.GERMAN)).subject()).startsWith("Your DSR Desk account");
	}

	static OutgoingMail statusLink() {
		return new OutgoingMail("person@example.com", RecipientKind.SUBJECT, Locale.ENGLISH, "request-status-link",
				Map.of("name", "Per Person", "reference", "DSR-2026-000001", "type", "ACCESS", "statusToken", "TOKEN",
						OutgoingMail.SUBJECT_ARGUMENTS, List.of("DSR-2026-000001")),
				null);
	}

	@Test
	void mailToAPersonIsHeadedByTheControllersNameAndNotStaffMail() {
		assertThat(this.renderer.render(statusLink()).html())
			.containsPattern("class=\"brand\"[^>]*>\\s*<span>" + this.controller.name() + "</span>")
			.doesNotContain("/brand/logo");
		assertThat(this.renderer.render(welcome(Locale.ENGLISH)).html()).doesNotContain("class=\"brand\"");
	}

	@Test
	void theBrandingsColourAndLogoHeadMailToAPersonAsOnThePublicPages() {
		Branding branding = new Branding("classpath:static/images/logo.png", "#ffcc00");
		MailRenderer branded = new MailRenderer(this.templates, this.messages, this.controller, this.properties,
				new StaticListableBeanFactory(Map.of("branding", branding)).getBeanProvider(Branding.class));
		assertThat(branded.render(statusLink()).html()).contains("background:#ffcc00;color:#000000;",
				"src=\"http://localhost:8080/brand/logo\"", "<span>" + this.controller.name() + "</span>");
	}

	private void assertFooter(MailRenderer.Rendered mail, String... labels) {
		for (String body : new String[] { mail.text(), mail.html() }) {
			assertThat(body).contains(labels)
				.contains(this.controller.name(), this.controller.organisationNumber(), this.controller.streetAddress(),
						this.controller.postalCode(), this.controller.city(), this.controller.privacyEmail());
		}
	}

}
