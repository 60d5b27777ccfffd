package se.dsrdesk.dashboard;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How many days requests took to answer, as a histogram (days to how many requests took
 * that many), and its percentiles by the nearest-rank method: the p-th percentile of n
 * values is the smallest value that at least p % of them do not exceed, that is the value
 * at rank ⌈p/100 × n⌉ in ascending order. It is always a whole number of days that some
 * request actually took; for an even count the median is the lower of the two middle
 * values. The database only counts requests per number of days, so the percentiles are
 * exact however many requests there are, and the same on every database.
 */
public final class DaysToAnswer {

	private final SortedMap<Integer, Long> histogram;

	private final long count;

	/**
	 * A histogram.
	 * @param histogram days to answer, to how many requests took that many days
	 */
	public DaysToAnswer(Map<Integer, Long> histogram) {
		this.histogram = Collections.unmodifiableSortedMap(new TreeMap<>(histogram));
		this.count = histogram.values().stream().mapToLong(Long::longValue).sum();
	}

	/**
	 * The histogram.
	 * @return days to the number of requests, in ascending order of days
	 */
	public SortedMap<Integer, Long> histogram() {
		return this.histogram;
	}

	/**
	 * How many values the histogram holds.
	 * @return the number of requests counted
	 */
	public long count() {
		return this.count;
	}

	/**
	 * The nearest-rank percentile.
	 * @param percent from 1 to 100
	 * @return the days, {@code null} when there are no values
	 */
	public Integer percentile(int percent) {
		if (percent < 1 || percent > 100) {
			throw new IllegalArgumentException("A percentile is from 1 to 100: " + percent);
		}
		if (this.count == 0) {
			return null;
		}
		long rank = (percent * this.count + 99) / 100;
		long seen = 0;
		for (Map.Entry<Integer, Long> entry : this.histogram.entrySet()) {
			seen += entry.getValue();
			if (seen >= rank) {
				return entry.getKey();
			}
		}
		throw new IllegalStateException("Rank " + rank + " beyond " + this.count + " values");
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof DaysToAnswer days) && this.histogram.equals(days.histogram);
	}

	@Override
	public int hashCode() {
		return this.histogram.hashCode();
	}

	@Override
	public String toString() {
		return "DaysToAnswer" + this.histogram;
	}

	/**
	 * The median, by nearest rank.
	 * @return the days, {@code null} when there are no values
	 */
	public Integer median() {
		return percentile(50);
	}

	/**
	 * The 90th percentile, by nearest rank.
	 * @return the days, {@code null} when there are no values
	 */
	public Integer p90() {
		return percentile(90);
	}

}
