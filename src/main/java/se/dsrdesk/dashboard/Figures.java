package se.dsrdesk.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import se.dsrdesk.request.RejectionGround;
import se.dsrdesk.request.RequestType;

/**
 * The figures for a period, from one day to another, both included, in the controller's
 * time zone. Each is defined in docs/dashboard.md and in the page's help text; they are
 * counted from the requests when asked for, never from a cache.
 *
 * @param from the first day of the period
 * @param to the last day of the period
 * @param months requests received, by month and type: every month of the period, in
 * order, months without requests included with 0
 * @param receivedByType requests received in the period by type (every type, 0 included)
 * @param received requests received in the period: receipt date in the period, except web
 * requests whose address was never confirmed (unconfirmed or expired)
 * @param answered requests completed or rejected on a day in the period
 * @param answeredOnTime those answered on or before their effective deadline
 * @param days days to answer of the answered requests: calendar days from the receipt
 * date to the day answered
 * @param rejectionsByGround rejections in the period by ground (every ground, 0 included)
 * @param rejectionsWithoutGround rejections in the period recorded without a ground
 * @param extendedOneMonth requests extended by one month on a day in the period
 * @param extendedTwoMonths requests extended by two months on a day in the period
 */
public record Figures(LocalDate from, LocalDate to, List<Month> months, Map<RequestType, Long> receivedByType,
		long received, long answered, long answeredOnTime, DaysToAnswer days,
		Map<RejectionGround, Long> rejectionsByGround, long rejectionsWithoutGround, long extendedOneMonth,
		long extendedTwoMonths) {

	/**
	 * Answered requests that were answered after their deadline.
	 * @return the answered ones that were late
	 */
	public long answeredLate() {
		return this.answered - this.answeredOnTime;
	}

	/**
	 * The share answered on time.
	 * @return a percentage from 0 to 100, {@code null} when nothing was answered
	 */
	public Double onTimePercent() {
		return (this.answered == 0) ? null : (100.0 * this.answeredOnTime / this.answered);
	}

	/**
	 * The share answered late.
	 * @return a percentage from 0 to 100, {@code null} when nothing was answered
	 */
	public Double latePercent() {
		return (this.answered == 0) ? null : (100.0 * answeredLate() / this.answered);
	}

	/**
	 * All rejections in the period.
	 * @return rejections with and without a ground
	 */
	public long rejections() {
		return this.rejectionsByGround.values().stream().mapToLong(Long::longValue).sum()
				+ this.rejectionsWithoutGround;
	}

	/**
	 * Extensions used in the period.
	 * @return requests extended on a day in the period, by one or two months
	 */
	public long extensions() {
		return this.extendedOneMonth + this.extendedTwoMonths;
	}

	/**
	 * Requests received in one month of the period (for a period that starts or ends
	 * within a month, only the days of the period count).
	 *
	 * @param month the month
	 * @param byType the count per type, every type included
	 */
	public record Month(YearMonth month, Map<RequestType, Long> byType) {

		/**
		 * All requests received in the month.
		 * @return the sum over the types
		 */
		public long total() {
			return this.byType.values().stream().mapToLong(Long::longValue).sum();
		}

	}

}
