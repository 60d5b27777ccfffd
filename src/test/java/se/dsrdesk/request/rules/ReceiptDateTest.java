package se.dsrdesk.request.rules;

import se.dsrdesk.request.rules.ReceiptDate;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiptDateTest {

	static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

	static final Instant NOW = Instant.parse("2026-03-03T09:00:00Z");

	@Test
	@DisplayName("GDPR Art. 99(2): a request received before 25 May 2018 is refused, one on that day accepted")
	void notBeforeTheGdprApplied() {
		assertThat(ReceiptDate.refusal(Instant.parse("2018-05-24T21:59:00Z"), NOW, STOCKHOLM))
			.hasValue(ReceiptDate.BEFORE_GDPR);
		assertThat(ReceiptDate.refusal(Instant.parse("2018-05-24T22:00:00Z"), NOW, STOCKHOLM)).isEmpty();
		assertThat(ReceiptDate.refusal(Instant.parse("-0001-01-01T00:00:00Z"), NOW, STOCKHOLM))
			.hasValue(ReceiptDate.BEFORE_GDPR);
		assertThat(ReceiptDate.refusal(Instant.parse("1583-10-15T00:00:00Z"), NOW, STOCKHOLM))
			.hasValue(ReceiptDate.BEFORE_GDPR);
	}

	@Test
	void notInTheFuture() {
		assertThat(ReceiptDate.refusal(NOW.plusSeconds(60), NOW, STOCKHOLM)).hasValue(ReceiptDate.FUTURE);
		assertThat(ReceiptDate.refusal(NOW, NOW, STOCKHOLM)).isEmpty();
	}

}
