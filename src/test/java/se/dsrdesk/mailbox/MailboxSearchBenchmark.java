package se.dsrdesk.mailbox;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.SearchTerm;

import org.springframework.context.support.StaticMessageSource;

import se.dsrdesk.location.DataLocation;
import se.dsrdesk.location.connector.ConnectorSubject;
import se.dsrdesk.location.connector.SearchResult;
import se.dsrdesk.mailbox.MailboxProperties.DeleteMode;
import se.dsrdesk.mailbox.MailboxProperties.Mailbox;

/**
 * Times the connector's search of one mailbox against the same IMAP {@code SEARCH} issued
 * by a bare Jakarta Mail client against the same server in the same run, and shows that
 * the heap does not grow with the mailbox. Generates N mails in GreenMail (one in 500
 * concerns the person: sender, copy or text). Not a unit test: run it with
 * {@code bench/mailbox.sh [N]}.
 */
public final class MailboxSearchBenchmark {

	private static final String USER = "bench@example.se";

	private static final String SECRET = "bench";

	private static final ConnectorSubject PERSON = new ConnectorSubject("DSR-BENCH", null,
			List.of("person@example.com"), null);

	private MailboxSearchBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int mails = (args.length > 0) ? Integer.parseInt(args[0]) : 20_000;
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 7;
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		try (ImapServer server = new ImapServer()) {
			server.user(USER, SECRET);
			GreenMailUser user = server.greenMail().getUserManager().getUser(USER);
			long generating = System.nanoTime();
			Session session = Session.getInstance(new Properties());
			for (int i = 0; i < mails; i++) {
				user.deliver(mail(session, i));
			}
			System.out.printf(Locale.ROOT, "Generated %,d mails in %.1f s%n", mails,
					(System.nanoTime() - generating) / 1e9);
			long heapWithMailbox = usedAfterGc(memory);
			Mailbox box = new Mailbox("bench", "127.0.0.1", server.port(), MailboxProperties.Tls.NONE, true, USER,
					SECRET, null, List.of("INBOX"), "Trash", 1L, DeleteMode.EXPUNGE, 50, Duration.ofSeconds(10),
					Duration.ofMinutes(5));
			MailboxConnector connector = new MailboxConnector(new MailboxProperties(List.of(box)), null,
					new StaticMessageSource(), Clock.systemDefaultZone());
			DataLocation location = org.mockito.Mockito.mock(DataLocation.class);
			org.mockito.Mockito.when(location.getId()).thenReturn(1L);
			SearchTerm term = MailSearch.forPerson(PERSON, false);
			// warm up both
			long found = bare(server, term);
			SearchResult warm = connector.find(location, PERSON, 0);
			long[] app = new long[rounds];
			long[] bare = new long[rounds];
			long peak = 0;
			for (int round = 0; round < rounds; round++) {
				long start = System.nanoTime();
				bare(server, term);
				bare[round] = System.nanoTime() - start;
				start = System.nanoTime();
				connector.find(location, PERSON, round % 3);
				app[round] = System.nanoTime() - start;
				peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
			}
			long heapAfter = usedAfterGc(memory);
			double appMedian = median(app) / 1e6;
			double bareMedian = median(bare) / 1e6;
			System.out.printf(Locale.ROOT, "Mailbox: %,d mails, %,d found (connector says %,d), %d rounds%n", mails,
					found, warm.total(), rounds);
			System.out.printf(Locale.ROOT, "Bare client SEARCH (connect, select, search): median %.1f ms  all %s%n",
					bareMedian, millis(bare));
			System.out.printf(Locale.ROOT,
					"App search (connect, list, search, fetch a page of headers): median %.1f ms  all %s%n", appMedian,
					millis(app));
			System.out.printf(Locale.ROOT, "Ratio app/bare: %.2f (the issue allows 1.5)%n", appMedian / bareMedian);
			System.out.printf(Locale.ROOT,
					"Heap used after GC: with the mailbox generated %,d MB; after the searches %,d MB "
							+ "(growth %+,d MB); peak during searches %,d MB (the server's mailbox shares this JVM)%n",
					heapWithMailbox >> 20, heapAfter >> 20, (heapAfter - heapWithMailbox) >> 20, peak >> 20);
		}
	}

	private static long bare(ImapServer server, SearchTerm term) throws Exception {
		try (Store store = server.store(USER, SECRET)) {
			Folder inbox = store.getFolder("INBOX");
			inbox.open(Folder.READ_ONLY);
			Message[] found = inbox.search(term);
			inbox.close(false);
			return found.length;
		}
	}

	private static MimeMessage mail(Session session, int i) throws Exception {
		MimeMessage message = new MimeMessage(session);
		message
			.setFrom(new InternetAddress((i % 500 == 0) ? "Person@Example.com" : "sender" + (i % 97) + "@example.org"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(USER));
		if (i % 500 == 250) {
			message.setRecipient(Message.RecipientType.CC, new InternetAddress("person@example.com"));
		}
		message.setSubject("Ärende " + i + ": fråga om beställning", "UTF-8");
		String text = "Hej,\n\nen fråga om order " + i + ".\n"
				+ ((i % 500 == 125) ? "Kontakta person@example.com.\n" : "") + "Mvh\nKundtjänst\n";
		message.setText(text, "UTF-8");
		message.setSentDate(new java.util.Date(1_700_000_000_000L + i * 60_000L));
		message.saveChanges();
		return message;
	}

	private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(100);
		}
		return memory.getHeapMemoryUsage().getUsed();
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

}
