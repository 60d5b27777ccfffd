package se.dsrdesk.notification;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Letters whose wording the law sets: the request for information has the wording and the
 * provision of its ground, identity (Art. 12(6)) or a clarification of scope (Recital 63,
 * Art. 12(3)); a late refusal apologises for the delay (Art. 12(4)).
 */
@IntegrationTest
class LawLettersTest {

	static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

	@Autowired
	MailRenderer renderer;

	private MailRenderer.Rendered letter(Locale language, String ground, boolean stopsClock) {
		Map<String, Object> model = new HashMap<>();
		model.put("name", "Åsa Öberg");
		model.put("reference", "DSR-2026-000001");
		model.put("type", RequestType.ACCESS);
		model.put("receiptDate", LocalDate.of(2026, 3, 3));
		model.put("needed", "Ditt kundnummer");
		model.put("ground", ground);
		model.put("stopsClock", stopsClock);
		model.put(OutgoingMail.SUBJECT_ARGUMENTS, List.of("DSR-2026-000001"));
		return this.renderer.render(new OutgoingMail("asa@example.se", RecipientKind.SUBJECT, language,
				"request-information-needed", model, null));
	}

	@Test
	@DisplayName("Art. 12(6): the identity letter says what is needed, that it is used only to verify identity, "
			+ "and asks for no copy of an ID document")
	void identity() {
		for (MailRenderer.Rendered mail : List.of(letter(SWEDISH, "IDENTITY", true))) {
			assertThat(mail.text())
				.contains("För att kunna bekräfta att du är den som begäran gäller behöver vi följande från dig:",
						"Ditt kundnummer", "endast för att bekräfta din identitet",
						"Skicka inte någon kopia av pass, körkort eller annan id-handling.", "artikel 12.6")
				.doesNotContain("skäl 63", "[(", "#{", "${");
			assertThat(mail.html()).contains("endast för att bekräfta din identitet", "artikel 12.6");
		}
		assertThat(letter(Locale.ENGLISH, "IDENTITY", true).text()).contains("only to confirm your identity",
				"Please do not send a copy of a passport", "Article 12(6)");
	}

	@Test
	@DisplayName("Recital 63, Art. 12(3): the scope letter cites recital 63 and Art. 12(3), never 12(6), "
			+ "and says the clock runs on")
	void scopeByDefault() {
		MailRenderer.Rendered mail = letter(SWEDISH, "SCOPE", false);
		assertThat(mail.text())
			.contains("För att veta vilka uppgifter om dig begäran gäller ber vi dig att berätta följande:",
					"Tiden för vårt svar fortsätter att löpa medan vi väntar", "artikel 12.3 och skäl 63")
			.doesNotContain("12.6", "id-handling", "står tiden för vårt svar still");
		assertThat(mail.html()).contains("fortsätter att löpa").doesNotContain("12.6");
		assertThat(letter(Locale.ENGLISH, "SCOPE", false).text())
			.contains("keeps running while we wait", "Article 12(3) and recital 63")
			.doesNotContain("12(6)");
	}

	@Test
	@DisplayName("Recital 63: where the setting lets a scope pause stop the clock, the letter says so and why")
	void scopeStoppingTheClock() {
		assertThat(letter(SWEDISH, "SCOPE", true).text())
			.contains("Eftersom vi behandlar en stor mängd uppgifter om dig står tiden för vårt svar still",
					"skäl 63 och artikel 12.3")
			.doesNotContain("12.6", "fortsätter att löpa");
	}

	@Test
	@DisplayName("Art. 12(4): a refusal after the one-month limit apologises for the delay; one in time does not")
	void aLateRefusalApologises() {
		Map<String, Object> model = new HashMap<>();
		model.put("name", "Åsa Öberg");
		model.put("reference", "DSR-2026-000001");
		model.put("type", RequestType.ACCESS);
		model.put("receiptDate", LocalDate.of(2026, 3, 3));
		model.put("ground", se.dsrdesk.request.RejectionGround.EXCESSIVE);
		model.put("reasons", "Den femte likadana begäran");
		model.put("late", true);
		model.put(OutgoingMail.SUBJECT_ARGUMENTS, List.of("DSR-2026-000001"));
		MailRenderer.Rendered late = this.renderer.render(
				new OutgoingMail("asa@example.se", RecipientKind.SUBJECT, SWEDISH, "request-rejected", model, null));
		assertThat(late.text()).contains("Vi ber om ursäkt för att svaret kommer senare än lagen tillåter",
				"artikel 12.4");
		assertThat(late.html()).contains("Vi ber om ursäkt");
		model.put("late", false);
		assertThat(this.renderer
			.render(new OutgoingMail("asa@example.se", RecipientKind.SUBJECT, Locale.ENGLISH, "request-rejected", model,
					null))
			.text()).doesNotContain("sorry").contains("We have decided not to act on it.");
		model.put("late", true);
		assertThat(this.renderer
			.render(new OutgoingMail("asa@example.se", RecipientKind.SUBJECT, Locale.ENGLISH, "request-rejected", model,
					null))
			.text()).contains("We are sorry that this answer comes later than the law allows", "Article 12(4)");
	}

}
