package se.dsrdesk.mailbox;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The IDLE watcher's timings: defaults as before they were settings (re-issue every 25
 * minutes, RFC 2177 section 3: servers may end an IDLE after 30; reconnect after 5 s
 * doubling up to 5 min), refused when not positive or when the first pause is longer than
 * the longest; and the doubling itself.
 */
class PrivacyInboxPropertiesTest {

	@Test
	void defaultsAreTheOldConstants() {
		PrivacyInboxProperties settings = new PrivacyInboxProperties(null, null, null, true, null, null, null);

		assertThat(settings.idleReissue()).isEqualTo(Duration.ofMinutes(25));
		assertThat(settings.reconnectFirst()).isEqualTo(Duration.ofSeconds(5));
		assertThat(settings.reconnectMax()).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void zeroOrNegativeTimingsAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> timings(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5)))
			.withMessageContaining("dsr.privacy-inbox.idle-reissue");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> timings(Duration.ofMinutes(25), Duration.ofSeconds(-1), Duration.ofMinutes(5)))
			.withMessageContaining("dsr.privacy-inbox.reconnect-first");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> timings(Duration.ofMinutes(25), Duration.ofSeconds(5), Duration.ZERO))
			.withMessageContaining("dsr.privacy-inbox.reconnect-max");
	}

	@Test
	void theFirstPauseMayNotBeLongerThanTheLongest() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> timings(Duration.ofMinutes(25), Duration.ofMinutes(10), Duration.ofMinutes(5)))
			.withMessageContaining("reconnect-first")
			.withMessageContaining("reconnect-max");
		assertThat(timings(Duration.ofMinutes(25), Duration.ofMinutes(5), Duration.ofMinutes(5)).reconnectFirst())
			.isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void thePauseDoublesUpToTheLongest() {
		Duration max = Duration.ofMinutes(5);
		Duration pause = Duration.ofSeconds(5);
		StringBuilder pauses = new StringBuilder(pause.toString());
		for (int i = 0; i < 8; i++) {
			pause = PrivacyInboxWatcher.doubled(pause, max);
			pauses.append(' ').append(pause);
		}
		assertThat(pauses).hasToString("PT5S PT10S PT20S PT40S PT1M20S PT2M40S PT5M PT5M PT5M");
	}

	private static PrivacyInboxProperties timings(Duration reissue, Duration first, Duration max) {
		return new PrivacyInboxProperties(null, null, null, true, reissue, first, max);
	}

}
