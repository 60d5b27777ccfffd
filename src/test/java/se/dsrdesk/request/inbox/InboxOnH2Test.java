package se.dsrdesk.request.inbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestStatistics;
import se.dsrdesk.request.message.PersonActivity;
import se.dsrdesk.request.RequestType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox's SQL on the zero-setup H2 database, which has none of PostgreSQL's partial
 * or trigram indexes: the keyset cursor (a row-value comparison), the name search (ILIKE)
 * and the email prefix search must still work there; so must "new from the person" (its
 * first write, an INSERT ... ON CONFLICT DO NOTHING, and its filter).
 */
@SpringBootTest
class InboxOnH2Test {

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("dsrdesk-h2-inbox-");
		registry.add("dsr.data-dir", dir::toString);
	}

	@Autowired
	InboxQuery inbox;

	@Autowired
	RequestService requests;

	@Autowired
	Clock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PersonActivity activity;

	@Autowired
	RequestStatistics statistics;

	@Test
	void pagesSearchesAndFiltersOnH2() {
		for (int i = 0; i < 30; i++) {
			this.requests.register(new NewRequest("Östen Ådahl " + i, "osten" + i + "@Example.com", null, "sv",
					RequestType.ACCESS, Channel.LETTER, null, this.clock.instant().minus(Duration.ofDays(i))),
					Actor.SYSTEM);
		}
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneId.of("Europe/Stockholm"));
		InboxFilter filter = new InboxFilter();
		filter.setQ("östen ådahl");
		InboxQuery.InboxPage first = this.inbox.page(filter, 0, today);
		assertThat(first.rows()).hasSize(InboxQuery.PAGE_SIZE);
		filter.setAfter(first.next().orElseThrow().toString());
		InboxQuery.InboxPage second = this.inbox.page(filter, 0, today);
		assertThat(second.rows()).hasSize(5);
		assertThat(second.hasMore()).isFalse();
		List<String> seen = new ArrayList<>();
		first.rows().forEach((row) -> seen.add(row.name()));
		second.rows().forEach((row) -> seen.add(row.name()));
		// Weekends and holidays give several arrivals one deadline: the id breaks the
		// tie.
		assertThat(seen).containsExactlyElementsOf(this.jdbc.queryForList("""
				select s.name from dsr_request r join data_subject s on s.id = r.data_subject_id
				where s.name like 'Östen Ådahl %' order by r.effective_deadline, r.id""", String.class));
		assertThat(seen.get(0)).isEqualTo("Östen Ådahl 29");

		InboxFilter email = new InboxFilter();
		email.setQ("OSTEN12@example");
		assertThat(this.inbox.page(email, 0, today).rows()).extracting(InboxQuery.InboxRow::name)
			.containsExactly("Östen Ådahl 12");

		InboxFilter unassignedNew = new InboxFilter();
		unassignedNew.setStatus("NEW");
		unassignedNew.setAssignee("unassigned");
		unassignedNew.setDueWithin(366);
		unassignedNew.setQ("Ådahl 7");
		assertThat(this.inbox.page(unassignedNew, 0, today).rows()).extracting(InboxQuery.InboxRow::name)
			.containsExactly("Östen Ådahl 7");
	}

	@Test
	void newFromThePersonOnH2() {
		long id = this.requests
			.register(new NewRequest("Ylva Ödmark", "ylva@example.com", null, "sv", RequestType.ACCESS, Channel.LETTER,
					null, this.clock.instant()), Actor.SYSTEM)
			.getId();
		long before = this.statistics.countOpenWithNewFromPerson();
		java.time.Instant first = this.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		this.activity.wrote(id, first);
		this.activity.wrote(id, first.minusSeconds(60));
		PersonActivity.State state = this.activity.of(id).orElseThrow();
		assertThat(state.unreadSince()).isEqualTo(first.minusSeconds(60));
		assertThat(state.lastWrittenAt()).isEqualTo(first);
		assertThat(this.statistics.countOpenWithNewFromPerson()).isEqualTo(before + 1);
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneId.of("Europe/Stockholm"));
		InboxFilter filter = new InboxFilter();
		filter.setFromPerson(true);
		filter.setQ("Ylva Ödmark");
		assertThat(this.inbox.page(filter, 0, today).rows()).extracting(InboxQuery.InboxRow::newFromPerson)
			.containsExactly(true);

		assertThat(this.activity.seen(id, state, this.clock.instant())).isTrue();
		assertThat(this.inbox.page(filter, 0, today).rows()).isEmpty();
		assertThat(this.statistics.countOpenWithNewFromPerson()).isEqualTo(before);
	}

}
