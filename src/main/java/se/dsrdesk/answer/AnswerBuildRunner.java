package se.dsrdesk.answer;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.system.RefusedException;

/**
 * Builds queued answer packages in the background ({@link AnswerBuilds}): claims one,
 * builds its files from the letter as typed and the package as reviewed
 * ({@link AnswerDownloads#build}), reporting progress, and marks it ready in the
 * transaction that stores the files. Several runners (instances) share the queue; a build
 * whose runner stopped is claimed again once its lease runs out.
 */
@Component
class AnswerBuildRunner implements org.springframework.beans.factory.DisposableBean {

	private static final Log logger = LogFactory.getLog(AnswerBuildRunner.class);

	private final AnswerBuilds builds;

	private final AnswerDownloads downloads;

	private final RequestService requests;

	private final TransactionTemplate transactions;

	/** The builds this runner is working on, whose leases it renews. */
	private final Set<Long> working = ConcurrentHashMap.newKeySet();

	/** The runner's own thread. */
	private final java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors
		.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "answer-build");
			thread.setDaemon(true);
			return thread;
		});

	private final java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean();

	AnswerBuildRunner(AnswerBuilds builds, AnswerDownloads downloads, RequestService requests,
			TransactionTemplate transactions) {
		this.builds = builds;
		this.downloads = downloads;
		this.requests = requests;
		this.transactions = transactions;
	}

	/**
	 * Hands the waiting builds to this runner's own thread, so that a long build never
	 * holds up the scheduler's other jobs (the mail dispatcher, the lease renewal).
	 */
	@Scheduled(fixedDelayString = "${dsr.answer.build.poll:1s}")
	void poll() {
		if (this.busy.compareAndSet(false, true)) {
			try {
				this.worker.execute(() -> {
					try {
						runWaiting();
					}
					finally {
						this.busy.set(false);
					}
				});
			}
			catch (java.util.concurrent.RejectedExecutionException ex) {
				// Shutting down: the build waits for the next runner.
				this.busy.set(false);
			}
		}
	}

	@Override
	public void destroy() {
		// A build cut short keeps its lease until it runs out; then another runner
		// takes it up.
		this.worker.shutdownNow();
	}

	/**
	 * Builds every waiting package, one after the other, in the calling thread.
	 * @return how many builds were run
	 */
	int runWaiting() {
		int runs = 0;
		Optional<AnswerBuilds.Build> claimed;
		while ((claimed = this.builds.claim()).isPresent()) {
			run(claimed.get());
			runs++;
		}
		return runs;
	}

	@Scheduled(fixedDelayString = "${dsr.answer.build.renew:10s}")
	void renewLeases() {
		this.builds.renew(Set.copyOf(this.working));
	}

	private void run(AnswerBuilds.Build build) {
		this.working.add(build.id());
		long started = System.nanoTime();
		try {
			DsrRequest request = this.requests.get(build.requestId());
			Locale locale = Locale.forLanguageTag("sv".equals(request.getLanguage()) ? "sv" : "en");
			String approved = AnswerDownloads.approved(build.letterText(), locale);
			String fingerprint = this.downloads.fingerprint(request.getId(), locale, approved);
			BuildProgress progress = (step, done, total, percent) -> this.builds.progress(build.id(), step, done, total,
					percent);
			this.transactions.executeWithoutResult((tx) -> {
				long downloadId = this.downloads.build(request, locale, approved, progress);
				this.builds.ready(build.id(), downloadId, fingerprint);
			});
			logger.info(String.format(Locale.ROOT, "Answer package build %d ready in %d ms", build.id(),
					(System.nanoTime() - started) / 1_000_000));
		}
		catch (RefusedException ex) {
			this.builds.failed(build.id(), (ex instanceof AnswerPackages.UncheckedFilesException)
					? "package.build.unchecked" : "package.build.refused", false);
		}
		catch (RuntimeException ex) {
			logger.warn("Answer package build " + build.id() + " failed (attempt " + build.attempts() + "): "
					+ ex.getClass().getName());
			this.builds.failed(build.id(), "package.build.failed", true);
		}
		finally {
			this.working.remove(build.id());
		}
	}

}
