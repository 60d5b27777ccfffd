package se.dsrdesk.request.retention;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.policy.PolicyNotices;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestRetention;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.MutableClock;
import se.dsrdesk.support.TestClockConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The purge's and the policy notices' own SQL ({@code FOR UPDATE SKIP LOCKED} with
 * {@code FETCH FIRST}, the keyset over people) on the zero-setup H2 database in
 * PostgreSQL mode, which is what a newcomer's {@code ./mvnw spring-boot:run} uses.
 */
@SpringBootTest
@Import(TestClockConfiguration.class)
class RetentionOnH2Test {

	@DynamicPropertySource
	static void h2(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("dsrdesk-h2-");
		registry.add("dsr.data-dir", dir::toString);
		registry.add("dsr.mail.poll-interval", () -> "1h");
		registry.add("dsr.policy.notice-interval", () -> "1h");
	}

	@Autowired
	RequestService requests;

	@Autowired
	ClosedRequestPurge purge;

	@Autowired
	RequestRetention retention;

	@Autowired
	PolicyNotices notices;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void aClosedRequestIsPurgedOnH2Too() {
		ZoneId zone = ZoneId.of("Europe/Stockholm");
		this.clock.set(LocalDate.of(2020, 2, 3).atTime(10, 0).atZone(zone).toInstant());
		DsrRequest request = this.requests.register(new NewRequest("Hanna H2", "hanna@example.com", null, "sv",
				RequestType.ACCESS, Channel.LETTER, "Vad har ni om mig?", this.clock.instant()), Actor.SYSTEM);
		this.requests.withdraw(request.getId(), null, Actor.SYSTEM);
		this.clock.set(LocalDate.of(2023, 2, 1).atTime(10, 0).atZone(zone).toInstant());
		assertThat(this.retention.dueWithin(30)).isEqualTo(1);
		assertThat(this.notices.run()).isZero();

		this.clock.set(LocalDate.of(2023, 2, 4).atTime(10, 0).atZone(zone).toInstant());
		assertThat(this.purge.run().requests()).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT description FROM dsr_request WHERE id = ?", String.class,
				request.getId()))
			.isNull();
	}

}
