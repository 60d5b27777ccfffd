package se.dsrdesk.request;

import java.util.List;

/**
 * The work per data location that a request's page lists. The location package implements
 * it, so that the request package does not depend on it (as with
 * {@link CompletionGuard}).
 */
public interface TaskChecklist {

	/**
	 * A request's tasks, in the order they were created.
	 * @param requestId the request
	 * @return one item per location
	 */
	List<Item> checklist(long requestId);

	/**
	 * One location's task as the request page shows it.
	 *
	 * @param taskId the task, for a link to its page
	 * @param locationNameSv the location's Swedish name
	 * @param locationNameEn the location's English name
	 * @param status the task's status ({@code OPEN}, {@code DONE}, {@code CANCELLED})
	 * @param outcome the recorded outcome, or {@code null}
	 */
	record Item(long taskId, String locationNameSv, String locationNameEn, String status, String outcome) {

		/**
		 * The location's name in a language, falling back to the other.
		 * @param locale the reader's language
		 * @return the name
		 */
		public String locationName(java.util.Locale locale) {
			boolean swedish = "sv".equals(locale.getLanguage());
			String first = swedish ? this.locationNameSv : this.locationNameEn;
			String second = swedish ? this.locationNameEn : this.locationNameSv;
			return (first != null && !first.isBlank()) ? first : second;
		}

		public boolean isOpen() {
			return "OPEN".equals(this.status);
		}

	}

}
