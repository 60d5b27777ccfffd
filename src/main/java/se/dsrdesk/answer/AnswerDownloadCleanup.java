package se.dsrdesk.answer;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import se.dsrdesk.system.ExclusiveJobs;

/**
 * Deletes the access extracts whose download link has expired, hourly, on one instance at
 * a time.
 */
@Component
public class AnswerDownloadCleanup {

	static final String LOCK_NAME = "answer-download-cleanup";

	private final ExclusiveJobs jobs;

	private final AnswerDownloads downloads;

	private final AnswerProperties properties;

	AnswerDownloadCleanup(ExclusiveJobs jobs, AnswerDownloads downloads, AnswerProperties properties) {
		this.jobs = jobs;
		this.downloads = downloads;
		this.properties = properties;
	}

	@Scheduled(cron = "${dsr.answer.cleanup.cron:0 20 * * * *}", zone = "${dsr.controller.time-zone:Europe/Stockholm}")
	void scheduled() {
		run();
	}

	/**
	 * Runs the cleanup now unless another instance is running it.
	 * @return how many links had their files deleted, {@code -1} when it did not run
	 */
	public int run() {
		ExclusiveJobs.Run<Integer> run = this.jobs.run(LOCK_NAME, this.properties.cleanup().lockAtMostFor(),
				this.downloads::deleteExpired);
		return (run.outcome() == ExclusiveJobs.Outcome.RAN) ? run.result() : -1;
	}

}
