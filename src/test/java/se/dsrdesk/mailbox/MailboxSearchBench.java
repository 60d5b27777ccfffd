package se.dsrdesk.mailbox;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.SearchTerm;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticMessageSource;

import se.dsrdesk.location.DataLocation;
import se.dsrdesk.location.connector.ConnectorSubject;
import se.dsrdesk.location.connector.SearchResult;
import se.dsrdesk.mailbox.MailboxProperties.DeleteMode;
import se.dsrdesk.mailbox.MailboxProperties.Mailbox;

/**
 * Times the connector's search of a mailbox against the same IMAP {@code SEARCH} issued
 * by a bare Jakarta Mail client (connect, {@code SELECT}, {@code SEARCH}, nothing else)
 * against the same server in the same run, mailbox after mailbox, and measures the heap
 * the connector needs for each: used after a full GC, the peak of the heap pools during
 * the searches, and the bytes one search allocates. The server runs outside this JVM
 * ({@code bench/mailbox.sh} starts a throwaway Dovecot and writes the mailboxes), so the
 * heap is the client's alone. Not a unit test: its name keeps it out of both lanes, and
 * it does nothing unless {@code BENCH_MAILBOX_ARGS} is set.
 *
 * <p>
 * {@code BENCH_MAILBOX_ARGS}:
 * {@code host port rounds login password [login password ...]}; the logins' mailboxes are
 * searched in the order given, for {@code person@example.com}.
 */
class MailboxSearchBench {

	private static final ConnectorSubject PERSON = new ConnectorSubject("DSR-BENCH", null,
			List.of("person@example.com"), null);

	@Test
	void theConnectorsFindAgainstABareClientsSearch() throws Exception {
		String settings = System.getenv("BENCH_MAILBOX_ARGS");
		Assumptions.assumeTrue(settings != null, "run by bench/mailbox.sh, which sets BENCH_MAILBOX_ARGS");
		String[] args = settings.strip().split("\\s+");
		String host = args[0];
		int port = Integer.parseInt(args[1]);
		int rounds = Integer.parseInt(args[2]);
		DataLocation location = org.mockito.Mockito.mock(DataLocation.class);
		org.mockito.Mockito.when(location.getId()).thenReturn(1L);
		SearchTerm term = MailSearch.forPerson(PERSON, false);
		System.out.printf(Locale.ROOT, "JVM max heap %,d MB; %d rounds per mailbox, bare and app alternating%n",
				Runtime.getRuntime().maxMemory() >> 20, rounds);
		for (int i = 3; i + 1 < args.length; i += 2) {
			String login = args[i];
			String password = args[i + 1];
			// the application's defaults: every folder but the trash, 50 hits a page
			Mailbox box = new Mailbox("bench", host, port, MailboxProperties.Tls.NONE, true, login, password, null,
					List.of(), "Trash", 1L, DeleteMode.EXPUNGE, 50, Duration.ofSeconds(10), Duration.ofMinutes(5));
			MailboxConnector connector = new MailboxConnector(new MailboxProperties(List.of(box)), null,
					new StaticMessageSource(), Clock.systemDefaultZone());
			// warm up both (and the server's index and cache of this mailbox)
			Counted bareWarm = bare(host, port, login, password, term);
			SearchResult warm = connector.find(location, PERSON, 0);
			bare(host, port, login, password, term);
			connector.find(location, PERSON, 0);
			long heapBefore = usedAfterGc();
			resetPeaks();
			long[] app = new long[rounds];
			long[] bare = new long[rounds];
			long[] allocated = new long[rounds];
			for (int round = 0; round < rounds; round++) {
				long start = System.nanoTime();
				bare(host, port, login, password, term);
				bare[round] = System.nanoTime() - start;
				long bytes = allocatedBytes();
				start = System.nanoTime();
				connector.find(location, PERSON, round % 3);
				app[round] = System.nanoTime() - start;
				allocated[round] = allocatedBytes() - bytes;
			}
			long peak = peaks();
			long heapAfter = usedAfterGc();
			double appMedian = median(app) / 1e6;
			double bareMedian = median(bare) / 1e6;
			System.out.printf(Locale.ROOT, "%n== %s: %,d mails, %,d found (connector says %,d)%n", login,
					bareWarm.mails(), bareWarm.found(), warm.total());
			System.out.printf(Locale.ROOT, "Bare client (connect, SELECT, SEARCH): median %.1f ms  all %s%n",
					bareMedian, millis(bare));
			System.out.printf(Locale.ROOT,
					"App find (connect, LIST, SELECT, SEARCH, FETCH of a page of headers): median %.1f ms  all %s%n",
					appMedian, millis(app));
			System.out.printf(Locale.ROOT, "RATIO app/bare: %.2f (the issue allows 1.5)%n", appMedian / bareMedian);
			System.out.printf(Locale.ROOT,
					"HEAP used after GC %.1f MB before the rounds, %.1f MB after; peak of the heap pools during "
							+ "the rounds %.1f MB; allocated per find: median %.2f MB%n",
					heapBefore / 1048576.0, heapAfter / 1048576.0, peak / 1048576.0, median(allocated) / 1048576.0);
		}
	}

	private static Counted bare(String host, int port, String login, String password, SearchTerm term)
			throws Exception {
		Properties properties = new Properties();
		properties.put("mail.imap.throwsearchexception", "true");
		try (Store store = Session.getInstance(properties).getStore("imap")) {
			store.connect(host, port, login, password);
			Folder inbox = store.getFolder("INBOX");
			inbox.open(Folder.READ_ONLY);
			Message[] found = inbox.search(term);
			int mails = inbox.getMessageCount();
			inbox.close(false);
			return new Counted(mails, found.length);
		}
	}

	private static long usedAfterGc() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(100);
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static void resetPeaks() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	private static long peaks() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak;
	}

	private static long allocatedBytes() {
		return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
	}

	private static double median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static String millis(long[] values) {
		List<String> shown = new ArrayList<>();
		for (long value : values) {
			shown.add(String.format(Locale.ROOT, "%.0f", value / 1e6));
		}
		return String.join(" ", shown);
	}

	private record Counted(int mails, int found) {
	}

}
