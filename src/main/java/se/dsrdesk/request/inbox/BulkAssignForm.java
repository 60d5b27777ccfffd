package se.dsrdesk.request.inbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assigning several requests of one inbox page to one case handler. Each row's checkbox
 * sends {@code id:version}, the version the page showed, so that a request someone
 * changed meanwhile is left alone and counted rather than overwritten. "Select all on
 * this page" works without JavaScript: the page also sends every row it shows
 * ({@code onPage}), which the box stands for when ticked.
 */
class BulkAssignForm {

	/** More than a page can show: the rest is ignored rather than worked through. */
	static final int MAX_SELECTED = 100;

	private List<String> selected = new ArrayList<>();

	private List<String> onPage = new ArrayList<>();

	private boolean allOnPage;

	private Long assigneeId;

	/**
	 * How a row is sent.
	 * @param id the request's id
	 * @param version its version as shown
	 * @return {@code id:version}
	 */
	static String selection(long id, long version) {
		return id + ":" + version;
	}

	/**
	 * The requests to assign with the version each was shown at: the ticked rows, or
	 * every row of the page when "all on this page" is ticked. Values that do not parse
	 * are left out; a request sent twice counts once.
	 * @return the versions by request id, in page order, at most {@link #MAX_SELECTED}
	 */
	Map<Long, Long> chosen() {
		Map<Long, Long> chosen = new LinkedHashMap<>();
		for (String value : this.allOnPage ? this.onPage : this.selected) {
			int colon = (value != null) ? value.indexOf(':') : -1;
			if (colon < 0 || chosen.size() >= MAX_SELECTED) {
				continue;
			}
			try {
				chosen.putIfAbsent(Long.parseLong(value.substring(0, colon).strip()),
						Long.parseLong(value.substring(colon + 1).strip()));
			}
			catch (NumberFormatException ex) {
				// Not a row of the page: ignored.
			}
		}
		return chosen;
	}

	/**
	 * Whether a row's box is ticked, to show the page again as it was sent.
	 * @param selection the row's {@code id:version}
	 * @return whether it was sent as ticked
	 */
	public boolean isSelected(String selection) {
		return this.allOnPage || this.selected.contains(selection);
	}

	public List<String> getSelected() {
		return this.selected;
	}

	public void setSelected(List<String> selected) {
		this.selected = (selected != null) ? selected : new ArrayList<>();
	}

	public List<String> getOnPage() {
		return this.onPage;
	}

	public void setOnPage(List<String> onPage) {
		this.onPage = (onPage != null) ? onPage : new ArrayList<>();
	}

	public boolean isAllOnPage() {
		return this.allOnPage;
	}

	public void setAllOnPage(boolean allOnPage) {
		this.allOnPage = allOnPage;
	}

	public Long getAssigneeId() {
		return this.assigneeId;
	}

	public void setAssigneeId(Long assigneeId) {
		this.assigneeId = assigneeId;
	}

}
