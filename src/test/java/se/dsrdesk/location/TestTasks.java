package se.dsrdesk.location;

import java.util.List;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.system.ConcurrentChangeException;

/**
 * Finishes the location tasks of a request, for tests in other packages that complete
 * requests: each open task gets the first outcome of its type that needs no details.
 */
public final class TestTasks {

	private TestTasks() {
	}

	/**
	 * Records a plain outcome on every open task of a request.
	 * @param tasks the task service
	 * @param requestId the request
	 * @return how many tasks were finished
	 */
	public static int finishAll(TaskService tasks, long requestId) {
		List<LocationTask> open = tasks.ofRequest(requestId).stream().filter(LocationTask::isOpen).toList();
		for (LocationTask task : open) {
			TaskOutcome plain = TaskOutcome.forType(task.getRequestType())
				.stream()
				.filter((o) -> !o.needsSummary() && !o.retains())
				.findFirst()
				.orElseThrow();
			tasks.recordOutcome(task.getId(), new OutcomeRecord(plain, "Checked in a test.", null, null, null, null),
					Actor.SYSTEM);
		}
		return open.size();
	}

	/**
	 * The refusal of a task that is no longer open, for slice tests that mock the task
	 * service.
	 * @param taskId the task
	 * @return the exception
	 */
	public static ConcurrentChangeException closed(long taskId) {
		return LocationTask.closed();
	}

	/**
	 * The refusal of an outcome that breaks the rules, for slice tests that mock the task
	 * service.
	 * @param field the field at fault
	 * @param code the message key of what is wrong
	 * @return the exception
	 */
	public static InvalidOutcomeException refused(String field, String code) {
		return new InvalidOutcomeException(List.of(new OutcomeRecord.Violation(field, code)));
	}

}
