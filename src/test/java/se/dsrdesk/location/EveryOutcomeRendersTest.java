package se.dsrdesk.location;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.StaffUser;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * No missing message keys: every outcome of every request type, recorded with details,
 * renders its task page, the request's tasks and the audit trail in Swedish and in
 * English without a {@code ??key??} (the task page showed
 * {@code ??task.summary.RETAINED_sv??}), and the details are on the page.
 */
@IntegrationTest
@AutoConfigureMockMvc
class EveryOutcomeRendersTest {

	static final String DETAILS = "Detaljer som personen läser ordagrant.";

	@Autowired
	RequestService requests;

	@Autowired
	TaskService tasks;

	@Autowired
	LocationService locations;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService userDetailsService;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvcTester mvc;

	final List<Long> opened = new ArrayList<>();

	final List<Long> places = new ArrayList<>();

	StaffUser owner;

	@BeforeEach
	void setUp() {
		this.clock.set(Instant.parse("2026-03-03T09:00:00Z"));
		this.owner = this.accounts.create("renders-" + UUID.randomUUID() + "@example.com", "Rita Renders",
				EnumSet.of(Role.CASE_HANDLER, Role.COMPLIANCE_OFFICER), "sv", TestAccounts.PASSWORD, Actor.SYSTEM);
	}

	@AfterEach
	void tearDown() {
		for (Long id : this.opened) {
			this.jdbc.update("update dsr_request set status = 'COMPLETED', closed_at = created_at"
					+ " where id = ? and status not in ('COMPLETED', 'REJECTED', 'WITHDRAWN')", id);
		}
		for (Long id : this.places) {
			this.jdbc.update("update data_location set active = false where id = ?", id);
		}
		this.clock.reset();
	}

	@Test
	void everyOutcomeRendersInBothLanguagesWithoutMissingKeys() throws Exception {
		DataLocation crm = location(LegalBasis.LEGITIMATE_INTEREST);
		DataLocation consent = location(LegalBasis.CONSENT);
		StaffPrincipal handler = (StaffPrincipal) this.userDetailsService.loadUserByUsername(this.owner.getEmail());
		int rendered = 0;
		for (RequestType type : RequestType.values()) {
			DataLocation at = (type == RequestType.WITHDRAW_CONSENT) ? consent : crm;
			for (TaskOutcome outcome : TaskOutcome.forType(type)) {
				DsrRequest request = started(type);
				LocationTask task = this.tasks.ofRequest(request.getId())
					.stream()
					.filter((t) -> t.getLocation().getId().equals(at.getId()))
					.findFirst()
					.orElseThrow();
				this.tasks.recordOutcome(task.getId(), record(type, outcome), Actor.SYSTEM);
				for (String language : List.of("sv", "en")) {
					for (String page : List.of("/staff/tasks/" + task.getId(),
							"/staff/requests/" + request.getId() + "/tasks",
							"/staff/audit?reference=" + request.getReference())) {
						MvcTestResult result = this.mvc.get()
							.uri(page)
							.with(user(handler))
							.header("Accept-Language", language)
							.exchange();
						String html = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
						assertThat(result.getResponse().getStatus()).as("%s %s %s", type, outcome, page).isEqualTo(200);
						assertThat(html).as("%s %s %s in %s", type, outcome, page, language).doesNotContain("??");
						if (page.startsWith("/staff/tasks/")) {
							assertThat(html).as("%s %s", type, outcome).contains(DETAILS);
						}
						rendered++;
					}
				}
			}
		}
		assertThat(rendered).isGreaterThan(60);
	}

	private OutcomeRecord record(RequestType type, TaskOutcome outcome) {
		LocalDate until = LocalDate.of(2030, 12, 31);
		boolean retains = outcome.retains();
		return new OutcomeRecord(outcome, "Checked.", DETAILS, retains ? LegalGround.BOOKKEEPING_ACT : null, null,
				retains ? until : null, outcome.needsBalancing() ? "Fraud prevention" : null,
				outcome.needsBalancing() ? "None given" : null,
				outcome.restricts(type) ? "When the accuracy is checked" : null, null);
	}

	private DataLocation location(LegalBasis basis) {
		String name = "Renders " + basis + " " + UUID.randomUUID();
		DataLocation location = this.locations
			.create(new LocationDetails(new LocalizedText(name + " sv", name), new LocalizedText(null, null),
					LocationKind.OTHER, this.owner, new LocalizedText(null, null), new LocalizedText(null, null), basis,
					List.of(), new LocalizedText(null, null), new LocalizedText("Ett år", "One year"), 12,
					new LocalizedText(null, null), new LocalizedText(null, null), 12, EnumSet.allOf(RequestType.class)),
					Actor.SYSTEM);
		this.places.add(location.getId());
		return location;
	}

	private DsrRequest started(RequestType type) {
		DsrRequest request = this.requests
			.register(new NewRequest("Åsa Öberg", "asa-" + UUID.randomUUID() + "@exempel.se", null, "sv", type,
					Channel.EMAIL, null, this.clock.instant()), Actor.SYSTEM);
		this.opened.add(request.getId());
		return this.requests.startWork(request.getId(), null, Actor.SYSTEM);
	}

}
