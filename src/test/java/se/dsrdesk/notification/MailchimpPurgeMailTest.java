package se.dsrdesk.notification;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import se.dsrdesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The purge's report to the newsletter's owner, rendered in both languages: the counts
 * per audience, and what to know about a permanent deletion.
 */
@IntegrationTest
class MailchimpPurgeMailTest {

	@Autowired
	MailRenderer renderer;

	static OutgoingMail report(Locale language) {
		// The model as se.dsrdesk.mailchimp.MailchimpPurge builds it.
		Map<String, Object> model = Map.of("before", LocalDate.of(2026, 2, 1), "audiences",
				List.of(Map.of("id", "a1b2c3d4e5", "deleted", 3, "kept", 1, "gone", 0, "left", 0, "failed", false),
						Map.of("id", "f6e5d4c3b2", "deleted", 0, "kept", 0, "gone", 0, "left", 0, "failed", true)),
				"deleted", 3, "kept", 1, "failed", true, OutgoingMail.SUBJECT_ARGUMENTS, List.of(3));
		return new OutgoingMail("owner@dsrdesk.example", RecipientKind.STAFF, language, "mailchimp-purge", model, null);
	}

	@Test
	void english() {
		MailRenderer.Rendered mail = this.renderer.render(report(Locale.ENGLISH));
		assertThat(mail.subject()).endsWith("3 unsubscribed newsletter members were deleted");
		assertThat(mail.text())
			.contains("unsubscribed before 2026-02-01: 3 deleted", "1 were kept", "Audience a1b2c3d4e5: 3 deleted",
					"Audience f6e5d4c3b2: 0 deleted", "(stopped", "The purge stopped early", "cannot be restored")
			.doesNotContain("[(", "#{", "${", "@dsrdesk");
		assertThat(mail.html()).contains("<html lang=\"en\">", "Audience a1b2c3d4e5: ", "The purge stopped early");
	}

	@Test
	void swedish() {
		MailRenderer.Rendered mail = this.renderer.render(report(Locale.forLanguageTag("sv-SE")));
		assertThat(mail.subject()).endsWith("3 avregistrerade nyhetsbrevsmottagare raderades");
		assertThat(mail.text())
			.contains("avregistrerade sig före 2026-02-01 permanent: 3 raderade", "Målgrupp a1b2c3d4e5: 3 raderade",
					"Rensningen avbröts i förtid", "kan inte återställas")
			.doesNotContain("[(", "#{", "${");
		assertThat(mail.html()).contains("<html lang=\"sv\">", "Rensningen avbröts i förtid");
	}

}
