package se.dsrdesk.request.casefile;

import java.util.ArrayList;
import java.util.List;

import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.RequestAction;
import se.dsrdesk.request.RequestStatus;
import se.dsrdesk.request.TaskChecklist;

/**
 * What the request page puts first: the one thing to do next in the request's current
 * state, and where the request stands on its way (received, identity, tasks, answer,
 * closed). Pure: it reads the request and its tasks and decides nothing else.
 *
 * @param action the next step
 * @param openTasks how many tasks are still open
 * @param progress the stages, in order
 */
record NextStep(Action action, long openTasks, List<Stage> progress) {

	/** The next step on a request. */
	enum Action {

		/** The person has not confirmed their address yet: nothing to do but wait. */
		AWAIT_CONFIRMATION,
		/** Take the request up (its tasks are created). */
		START,
		/** The person was asked for information: resume when they answer. */
		RESUME,
		/** Record how the person's identity was checked. */
		IDENTITY,
		/** Record the outcome of the open tasks. */
		TASKS,
		/** Write and send the answer letter, which completes the request. */
		ANSWER,
		/** Closed: nothing left to do. */
		NONE

	}

	/** A stage of the progress line. */
	enum StageName {

		RECEIVED, IDENTITY, TASKS, ANSWER, CLOSED

	}

	/**
	 * A stage of the progress line as the page shows it.
	 *
	 * @param name the stage
	 * @param done whether it is behind the request
	 * @param current whether the request is at it now
	 */
	record Stage(StageName name, boolean done, boolean current) {
	}

	/**
	 * The next step of a request.
	 * @param request the request
	 * @param tasks its tasks
	 * @return the step and the progress line
	 */
	static NextStep of(DsrRequest request, List<TaskChecklist.Item> tasks) {
		long open = tasks.stream().filter(TaskChecklist.Item::isOpen).count();
		boolean closed = !request.getStatus().isOpen();
		boolean identity = request.getIdentityVerifiedAt() != null;
		Action action;
		if (closed) {
			action = Action.NONE;
		}
		else if (request.getStatus() == RequestStatus.UNVERIFIED) {
			action = Action.AWAIT_CONFIRMATION;
		}
		else if (request.allows(RequestAction.STARTED)) {
			action = Action.START;
		}
		else if (request.allows(RequestAction.RESUMED)) {
			action = Action.RESUME;
		}
		else if (!identity && request.allows(RequestAction.IDENTITY_VERIFIED)) {
			action = Action.IDENTITY;
		}
		else if (open > 0) {
			action = Action.TASKS;
		}
		else {
			action = Action.ANSWER;
		}
		boolean[] done = { true, identity, !tasks.isEmpty() && open == 0,
				request.getStatus() == RequestStatus.COMPLETED, closed };
		List<Stage> stages = new ArrayList<>();
		boolean currentFound = false;
		for (StageName name : StageName.values()) {
			boolean isDone = done[name.ordinal()];
			boolean current = !isDone && !currentFound;
			currentFound |= current;
			stages.add(new Stage(name, isDone, current));
		}
		return new NextStep(action, open, List.copyOf(stages));
	}

}
