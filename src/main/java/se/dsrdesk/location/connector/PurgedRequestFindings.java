package se.dsrdesk.location.connector;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import se.dsrdesk.request.RequestsPurged;

/**
 * Deletes what the tasks of purged requests found (the records' fields and the files'
 * bytes), in the purge's transaction: the data itself goes with the request. The rows
 * stay, emptied, as a record that something was found.
 */
@Component
class PurgedRequestFindings {

	private final TaskFindings findings;

	PurgedRequestFindings(TaskFindings findings) {
		this.findings = findings;
	}

	@EventListener
	void on(RequestsPurged purged) {
		this.findings.deleteOfRequests(purged.requestIds());
	}

}
