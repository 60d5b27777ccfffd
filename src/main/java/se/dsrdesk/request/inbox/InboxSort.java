package se.dsrdesk.request.inbox;

/**
 * The orders the inbox offers, each served by an index that ends in its (date, id) pair,
 * so that keyset paging stays as fast on a deep page as on the first: the deadline (most
 * urgent first, the default) and the receipt date, each either way. In the query string:
 * {@code sort=deadline}, {@code sort=-deadline}, {@code sort=received},
 * {@code sort=-received}.
 */
public enum InboxSort {

	DEADLINE("deadline", "r.effective_deadline", false),

	DEADLINE_DESC("-deadline", "r.effective_deadline", true),

	RECEIVED("received", "r.receipt_date", false),

	RECEIVED_DESC("-received", "r.receipt_date", true);

	private final String param;

	private final String column;

	private final boolean descending;

	InboxSort(String param, String column, boolean descending) {
		this.param = param;
		this.column = column;
		this.descending = descending;
	}

	/**
	 * The order a query string asks for.
	 * @param value the {@code sort} parameter
	 * @return the order, the deadline's for a value that does not parse
	 */
	static InboxSort of(String value) {
		for (InboxSort sort : values()) {
			if (sort.param.equals(value)) {
				return sort;
			}
		}
		return DEADLINE;
	}

	/** The value of the {@code sort} parameter. */
	public String param() {
		return this.param;
	}

	String column() {
		return this.column;
	}

	boolean descending() {
		return this.descending;
	}

	/** Whether this order is by the receipt date. */
	boolean byReceipt() {
		return this == RECEIVED || this == RECEIVED_DESC;
	}

	/**
	 * What a column header's link asks for: this column ascending, or descending when it
	 * is already the ascending order.
	 * @param column {@code deadline} or {@code received}
	 * @return the {@code sort} parameter of the link
	 */
	public String toggle(String column) {
		return this.param.equals(column) ? "-" + column : column;
	}

	/**
	 * The header's {@code aria-sort}.
	 * @param column {@code deadline} or {@code received}
	 * @return {@code ascending}, {@code descending} or {@code none}
	 */
	public String ariaSort(String column) {
		if (this.param.equals(column)) {
			return "ascending";
		}
		return this.param.equals("-" + column) ? "descending" : "none";
	}

}
