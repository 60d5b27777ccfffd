package se.dsrdesk.request.persistence;

import se.dsrdesk.request.persistence.OffsetSegment;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OffsetSegmentTest {

	@Test
	void cutsAYearInStockholmWhereDaylightSavingTimeBeginsAndEnds() {
		ZoneId stockholm = ZoneId.of("Europe/Stockholm");
		Instant start = Instant.parse("2024-12-31T23:00:00Z");
		Instant end = Instant.parse("2025-12-31T23:00:00Z");
		List<OffsetSegment> segments = OffsetSegment.of(stockholm, start, end);
		assertThat(segments).containsExactly(new OffsetSegment(start, Instant.parse("2025-03-30T01:00:00Z"), 3600),
				new OffsetSegment(Instant.parse("2025-03-30T01:00:00Z"), Instant.parse("2025-10-26T01:00:00Z"), 7200),
				new OffsetSegment(Instant.parse("2025-10-26T01:00:00Z"), end, 3600));
		assertThat(OffsetSegment.of(ZoneId.of("UTC"), start, end)).containsExactly(new OffsetSegment(start, end, 0));
		assertThat(OffsetSegment.of(stockholm, start, start)).isEmpty();
	}

}
