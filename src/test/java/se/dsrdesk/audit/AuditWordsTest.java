package se.dsrdesk.audit;

import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The audit trail and the request's timeline in the reader's words: labels instead of
 * stored codes, the location's and the staff member's names instead of ids, "the person"
 * instead of "data subject".
 */
class AuditWordsTest {

	final AuditQuery query = mock(AuditQuery.class);

	final AuditWords words = words();

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void theDataSubjectAndTheSystemAreNamedInTheReadersLanguage() {
		LocaleContextHolder.setLocale(Locale.forLanguageTag("sv"));
		assertThat(this.words.actor("data subject")).isEqualTo("personen");
		assertThat(this.words.actor("data subject (download link)")).isEqualTo("personen (nedladdningslänk)");
		assertThat(this.words.actor("system")).isEqualTo("systemet");
		assertThat(this.words.actor("anna@example.com")).isEqualTo("anna@example.com");
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(this.words.actor("data subject")).isEqualTo("the person");
	}

	@Test
	void codesInDetailsBecomeLabels() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(this.words.details("ground=EXCESSIVE; late")).isEqualTo("Ground: Excessive (Art. 12(5)); late");
		assertThat(this.words.details("method=KNOWN_EMAIL")).isEqualTo("Identity verified by: Known email address");
		LocaleContextHolder.setLocale(Locale.forLanguageTag("sv"));
		assertThat(this.words.details("type=ERASURE, channel=EMAIL")).isEqualTo("Typ: Radering; Kom in via: E-post");
		assertThat(this.words.details("ground=IDENTITY; stopsClock=true")).startsWith("Grund: ")
			.endsWith("; Klockan stoppad: ja")
			.doesNotContain("IDENTITY");
	}

	@Test
	void locationsAndStaffAreNamed() {
		LocaleContextHolder.setLocale(Locale.forLanguageTag("sv"));
		assertThat(this.words.details("outcome=NOT_FOUND; location=3; request=5"))
			.isEqualTo("Resultat: Inget hittades; Plats: Kundregistret; Begäran: 5");
		given(this.query.staffName(7L)).willReturn(Optional.of("Åsa Handläggare"));
		assertThat(this.words.details("assignee=7")).isEqualTo("Tilldelad: Åsa Handläggare");
		assertThat(this.words.change("assignee", "7")).isEqualTo("Åsa Handläggare");
		assertThat(this.words.change("status", "IN_PROGRESS")).doesNotContain("IN_PROGRESS");
		assertThat(this.words.change("status", null)).isNull();
		// An id that is no longer there, or a code without a label, is shown as stored.
		assertThat(this.words.details("location=99; hold=12 until 2034-12-31"))
			.isEqualTo("Plats: 99; Lagringsspärr: 12 until 2034-12-31");
	}

	private AuditWords words() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		LocationNames names = mock(LocationNames.class);
		given(names.nameOf(eq(3L), eq(Locale.forLanguageTag("sv")))).willReturn(Optional.of("Kundregistret"));
		given(names.nameOf(eq(99L), eq(Locale.forLanguageTag("sv")))).willReturn(Optional.empty());
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("names", names);
		return new AuditWords(messages, this.query, beans.getBeanProvider(LocationNames.class));
	}

}
