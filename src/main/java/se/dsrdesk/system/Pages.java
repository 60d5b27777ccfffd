package se.dsrdesk.system;

/**
 * Page numbers as the address gives them ({@code ?page=...}): never below the first page,
 * and never so far that the row offset ({@code page × size}) overflows the database
 * driver's {@code int}: {@code ?page=2147483647} shows an empty last page instead of a
 * 500.
 */
public final class Pages {

	private Pages() {
	}

	/**
	 * A page number that can be fetched.
	 * @param page the number asked for, from 0
	 * @param size the page size
	 * @return the number, between 0 and the last number whose offset fits an {@code int}
	 */
	public static int number(int page, int size) {
		int last = Integer.MAX_VALUE / Math.max(size, 1) - 1;
		return Math.max(0, Math.min(page, last));
	}

}
