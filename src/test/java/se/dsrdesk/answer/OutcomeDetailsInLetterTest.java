package se.dsrdesk.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.context.support.ResourceBundleMessageSource;

import se.dsrdesk.location.TaskOutcome;
import se.dsrdesk.request.RequestType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The details a case handler records with an outcome go to the person word for word (the
 * task form says so): every outcome's line in the answer letter, in both languages,
 * carries them when there are any (they were dropped for "processing stopped", among
 * others) and reads as before when there are none.
 */
class OutcomeDetailsInLetterTest {

	static final ResourceBundleMessageSource MESSAGES = messages();

	static List<Object[]> lines() {
		List<Object[]> lines = new ArrayList<>();
		for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("sv"))) {
			for (TaskOutcome outcome : TaskOutcome.values()) {
				for (RequestType type : RequestType.values()) {
					if (outcome.fits(type)) {
						lines.add(new Object[] { key(outcome, type), locale, outcome.needsSummary() });
					}
				}
			}
		}
		return lines;
	}

	@ParameterizedTest(name = "{0} ({1})")
	@MethodSource("lines")
	void everyOutcomeCarriesTheRecordedDetails(String key, Locale locale, boolean detailsRequired) {
		String details = "Vi hittade två kundkort. We found two customer cards.";
		String withDetails = MESSAGES.getMessage(key, new Object[] { "CRM", "31 december 2033", "", details, 1 },
				locale);
		assertThat(withDetails).startsWith("CRM: ").contains(details).doesNotContain("{", "}");
		if (detailsRequired) {
			return;
		}
		String without = MESSAGES.getMessage(key, new Object[] { "CRM", "31 december 2033", "", "", 0 }, locale);
		assertThat(without).startsWith("CRM: ").doesNotContain("{", "}").doesNotEndWith(" ").doesNotEndWith(":");
	}

	/** As {@code AnswerLetters} picks the line's key. */
	private static String key(TaskOutcome outcome, RequestType type) {
		return switch (outcome) {
			case DONE -> "letter.outcome.DONE." + type;
			default -> "letter.outcome." + outcome;
		};
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
