package se.dsrdesk.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import se.dsrdesk.request.PauseGround;
import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RejectionGround;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The dashboard's SQL on the zero-setup H2 database, which spells the date in the
 * controller's zone and the difference of two dates differently from PostgreSQL and has
 * none of its partial indexes: the figures come out right and the pages render.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DashboardOnH2Test {

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("dsrdesk-h2-dashboard-");
		registry.add("dsr.data-dir", dir::toString);
	}

	@Autowired
	Dashboard dashboard;

	@Autowired
	RequestService requests;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService userDetailsService;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Clock clock;

	@Test
	void countsAndRendersOnH2() {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneId.of("Europe/Stockholm"));
		long overdue = register(RequestType.ACCESS, Duration.ofDays(40));
		long rejected = register(RequestType.ERASURE, Duration.ofDays(12));
		this.requests.reject(rejected, null, RejectionGround.MANIFESTLY_UNFOUNDED, "No", Actor.SYSTEM);
		long paused = register(RequestType.OBJECTION, Duration.ofDays(3));
		this.requests.pause(paused, null, PauseGround.IDENTITY, "Which account?", null, Actor.SYSTEM);
		this.requests.register(new NewRequest("Web", "web@example.com", null, "sv", RequestType.ACCESS, Channel.WEB,
				null, this.clock.instant()), Actor.SYSTEM);

		Glance glance = this.dashboard.glance();
		assertThat(glance.overdue().first()).extracting(Glance.RequestItem::id).containsExactly(overdue);
		assertThat(glance.paused().first()).extracting(Glance.PausedItem::daysPaused).containsExactly(0L);

		Figures figures = this.dashboard.figures(today.minusDays(60), today);
		assertThat(figures.received()).isEqualTo(3);
		assertThat(figures.answered()).isEqualTo(1);
		assertThat(figures.answeredOnTime()).isEqualTo(1);
		LocalDate receipt = this.requests.get(rejected).getReceiptDate();
		int days = (int) java.time.temporal.ChronoUnit.DAYS.between(receipt, today);
		assertThat(figures.days().histogram()).containsExactly(Map.entry(days, 1L));
		assertThat(figures.rejectionsByGround()).containsEntry(RejectionGround.MANIFESTLY_UNFOUNDED, 1L);

		var officer = user(TestAccounts.signedIn(this.accounts, this.userDetailsService, Role.COMPLIANCE_OFFICER));
		MvcTestResult page = this.mvc.get()
			.uri("/staff/dashboard")
			.with(officer)
			.accept(MediaType.TEXT_HTML)
			.exchange();
		assertThat(page).hasStatusOk();
		assertThat(page).bodyText().contains("id=\"overdue-count\">1<", "id=\"fig-received\">3<");
		assertThat(this.mvc.get().uri("/staff/dashboard/report").with(officer).accept(MediaType.TEXT_HTML))
			.hasStatusOk();
		MvcTestResult pdf = this.mvc.get()
			.uri("/staff/dashboard/report.pdf?year=" + today.getYear())
			.with(officer)
			.exchange();
		assertThat(pdf).hasStatusOk().hasContentType(MediaType.APPLICATION_PDF);
		// The month table fits the page in both languages: no month wraps ("2026-" /
		// "01").
		for (String language : List.of("sv", "en")) {
			MvcTestResult report = this.mvc.get()
				.uri("/staff/dashboard/report.pdf")
				.with(officer)
				.header("Accept-Language", language)
				.exchange();
			assertThat(report).hasStatusOk()
				.headers()
				.hasValue("Content-Disposition", "attachment; filename=\"dsr-report-" + today.getYear() + ".pdf\"");
			String text = PdfText.of(report.getResponse().getContentAsByteArray());
			assertThat(text).as(language).contains(" " + today.getYear() + "-01 ");
		}
	}

	private long register(RequestType type, Duration ago) {
		return this.requests
			.register(new NewRequest("H2 Person", null, null, "sv", type, Channel.EMAIL, null,
					this.clock.instant().minus(ago)), Actor.SYSTEM)
			.getId();
	}

}
