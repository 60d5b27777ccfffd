package se.dsrdesk.location;

/**
 * The task was already done or cancelled, perhaps by someone else meanwhile.
 */
public class TaskClosedException extends RuntimeException {

	TaskClosedException(Long taskId) {
		super("Task " + taskId + " is not open");
	}

}
