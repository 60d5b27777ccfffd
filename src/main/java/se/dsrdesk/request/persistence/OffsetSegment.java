package se.dsrdesk.request.persistence;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * A stretch of time in which a time zone keeps one offset from UTC.
 *
 * @param start the first instant
 * @param end the first instant after the stretch
 * @param offsetSeconds the zone's offset in the stretch, east of UTC positive
 */
public record OffsetSegment(Instant start, Instant end, int offsetSeconds) {

	/**
	 * Cuts a span of time where the zone's offset changes.
	 * @param zone the time zone
	 * @param start the first instant
	 * @param end the first instant after the span
	 * @return the stretches, in order, covering the span exactly
	 */
	public static List<OffsetSegment> of(ZoneId zone, Instant start, Instant end) {
		ZoneRules rules = zone.getRules();
		List<OffsetSegment> segments = new ArrayList<>();
		Instant from = start;
		while (from.isBefore(end)) {
			ZoneOffsetTransition next = rules.nextTransition(from);
			Instant to = (next == null || !next.getInstant().isBefore(end)) ? end : next.getInstant();
			segments.add(new OffsetSegment(from, to, rules.getOffset(from).getTotalSeconds()));
			from = to;
		}
		return segments;
	}

}
