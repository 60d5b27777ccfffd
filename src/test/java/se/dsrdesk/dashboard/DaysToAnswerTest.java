package se.dsrdesk.dashboard;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Nearest-rank percentiles over a histogram of days to answer, with known values: odd and
 * even counts, ties, one value, none; and the cutting of a period where the time zone's
 * offset changes.
 */
class DaysToAnswerTest {

	@Test
	void oddCountTakesTheMiddleValue() {
		DaysToAnswer days = of(3, 1, 4, 1, 5);
		assertThat(days.count()).isEqualTo(5);
		// Sorted 1 1 3 4 5: rank ceil(2.5) = 3 for the median, ceil(4.5) = 5 for p90.
		assertThat(days.median()).isEqualTo(3);
		assertThat(days.p90()).isEqualTo(5);
	}

	@Test
	void evenCountTakesTheLowerMiddleValue() {
		DaysToAnswer days = of(10, 20, 30, 40);
		// Rank ceil(2.0) = 2 for the median, ceil(3.6) = 4 for p90.
		assertThat(days.median()).isEqualTo(20);
		assertThat(days.p90()).isEqualTo(40);
	}

	@Test
	void tenValuesPutTheNinetiethPercentileAtTheNinth() {
		DaysToAnswer days = of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
		assertThat(days.median()).isEqualTo(5);
		assertThat(days.p90()).isEqualTo(9);
		assertThat(days.percentile(100)).isEqualTo(10);
		assertThat(days.percentile(1)).isEqualTo(1);
	}

	@Test
	void tiesAreCountedOncePerRequest() {
		DaysToAnswer days = of(7, 7, 7, 2, 30);
		// Sorted 2 7 7 7 30: rank 3 is 7; rank ceil(4.5) = 5 is 30.
		assertThat(days.median()).isEqualTo(7);
		assertThat(days.p90()).isEqualTo(30);
		assertThat(days.histogram()).containsExactly(Map.entry(2, 1L), Map.entry(7, 3L), Map.entry(30, 1L));
	}

	@Test
	void elevenValuesWithTheTopTenPercentTied() {
		// Sorted 0 x9, 50, 50: p90 is rank ceil(9.9) = 10, which is 50; median is 0.
		DaysToAnswer days = new DaysToAnswer(Map.of(0, 9L, 50, 2L));
		assertThat(days.median()).isZero();
		assertThat(days.p90()).isEqualTo(50);
	}

	@Test
	void oneValueIsEveryPercentile() {
		DaysToAnswer days = of(12);
		assertThat(days.median()).isEqualTo(12);
		assertThat(days.p90()).isEqualTo(12);
	}

	@Test
	void noValuesHaveNoPercentiles() {
		DaysToAnswer days = new DaysToAnswer(Map.of());
		assertThat(days.count()).isZero();
		assertThat(days.median()).isNull();
		assertThat(days.p90()).isNull();
	}

	@Test
	void refusesAPercentileOutsideOneToHundred() {
		assertThatIllegalArgumentException().isThrownBy(() -> of(1).percentile(0));
		assertThatIllegalArgumentException().isThrownBy(() -> of(1).percentile(101));
	}

	private static DaysToAnswer of(int... values) {
		Map<Integer, Long> histogram = new TreeMap<>();
		for (int value : values) {
			histogram.merge(value, 1L, Long::sum);
		}
		return new DaysToAnswer(histogram);
	}

}
