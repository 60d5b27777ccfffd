package se.dsrdesk.system.web;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SMTP health probe against a server that accepts connections and never says a word:
 * it gives up within its 2-second timeout, and the next health calls reuse its answer.
 */
class MailHealthProbeTest {

	ServerSocket silent;

	final List<Socket> accepted = new ArrayList<>();

	Thread acceptor;

	final List<Object> published = new ArrayList<>();

	@BeforeEach
	void startSilentServer() throws Exception {
		this.silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.acceptor = new Thread(() -> {
			while (!this.silent.isClosed()) {
				try {
					this.accepted.add(this.silent.accept());
				}
				catch (Exception ex) {
					return;
				}
			}
		});
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	@AfterEach
	void stopSilentServer() throws Exception {
		this.silent.close();
		for (Socket socket : this.accepted) {
			socket.close();
		}
	}

	@Test
	void aServerThatNeverAnswersIsReportedUnreachableWithinTwoSecondsAndTheAnswerIsCached() {
		JavaMailSenderImpl mailSender = new JavaMailSenderImpl();
		mailSender.setHost("127.0.0.1");
		mailSender.setPort(this.silent.getLocalPort());
		// The application's own sending timeouts are long; the probe's are not.
		mailSender.getJavaMailProperties().setProperty("mail.smtp.timeout", "10000");
		MailHealthConfiguration.CachedSmtpProbe probe = new MailHealthConfiguration.CachedSmtpProbe(
				MailHealthConfiguration.probe(mailSender, Duration.ofSeconds(2)), Duration.ofSeconds(2),
				Duration.ofSeconds(30), Clock.systemUTC(), this.published::add);

		long start = System.nanoTime();
		Health health = probe.health();
		Duration took = Duration.ofNanos(System.nanoTime() - start);

		assertThat(health.getStatus()).isEqualTo(MailHealthConfiguration.UNREACHABLE);
		assertThat(took).isLessThan(Duration.ofMillis(2500));
		start = System.nanoTime();
		assertThat(probe.health()).isSameAs(health);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(100));
		assertThat(this.accepted).hasSize(1);
		// Only a server that answers brings queued mail forward.
		assertThat(this.published).isEmpty();
	}

}
