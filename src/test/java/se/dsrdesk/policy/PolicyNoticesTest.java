package se.dsrdesk.policy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.notification.MailDispatch;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DataSubject;
import se.dsrdesk.request.persistence.DataSubjectRepository;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.support.Html;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MailServer;
import se.dsrdesk.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Policy versions and the notices of a material change, against PostgreSQL and a real
 * SMTP server, with the clock moved. Each test runs on days of its own, far after today,
 * so that its versions never take effect for other tests.
 */
@IntegrationTest
@AutoConfigureMockMvc
class PolicyNoticesTest {

	static final String ENGLISH = "en-GB,en;q=0.9";

	static final String SWEDISH = "sv-SE,sv;q=0.9";

	static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

	@RegisterExtension
	static MailServer mail = new MailServer();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	PolicyService policies;

	@Autowired
	PolicyNotices notices;

	@Autowired
	NoticeOptOuts optOuts;

	@Autowired
	DataSubjectRepository subjects;

	@Autowired
	RequestService requests;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService userDetailsService;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	LocalDate today;

	@BeforeEach
	void daysOfThisTest() {
		// Days far in the future, different for each test: the effective dates are
		// unique.
		this.today = LocalDate.of(2200, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 300_000));
		this.clock.set(this.today.atTime(10, 0).atZone(STOCKHOLM).toInstant());
	}

	@AfterEach
	void backToTheSystemClock() {
		this.clock.reset();
	}

	@Test
	void aMaterialChangePublishedFortyDaysAheadSendsOneNoticePerReachablePersonInTheirLanguage() throws Exception {
		String english = person("en");
		String swedish = person("sv");
		String twice = person("en");
		register(twice.toUpperCase(), "sv");
		String unconfirmed = "policy-" + UUID.randomUUID() + "@example.com";
		this.subjects.save(new DataSubject("Never Confirmed", unconfirmed, null, "en", this.clock.instant()));
		String erased = person("en");
		eraseEveryoneWith(erased);
		String optedOut = person("en");
		this.optOuts.optOut(this.optOuts.token(optedOut));
		StaffPrincipal admin = admin();

		MvcTestResult published = publish(admin, ENGLISH, this.today.plusDays(40), true);
		assertThat(published).hasStatus3xxRedirection().flash().containsEntry("success", "policy.published");
		assertThat(this.notices.run()).isGreaterThanOrEqualTo(3);
		MailDispatch.now(this.context);

		List<MimeMessage> toEnglish = mail.awaitMessagesTo(english, 1, Duration.ofSeconds(10));
		assertThat(toEnglish).hasSize(1);
		assertThat(toEnglish.get(0).getSubject()).contains("changes its privacy policy on "
				+ se.dsrdesk.system.DisplayFormats.longDate(this.today.plusDays(40), java.util.Locale.ENGLISH));
		String text = MailServer.plainText(toEnglish.get(0));
		assertThat(text).contains("Summary in English", "/privacy/notices/opt-out/" + this.optOuts.token(english));
		List<MimeMessage> toSwedish = mail.awaitMessagesTo(swedish, 1, Duration.ofSeconds(10));
		assertThat(toSwedish).hasSize(1);
		assertThat(toSwedish.get(0).getSubject()).contains("ändrar sin integritetspolicy");
		assertThat(MailServer.plainText(toSwedish.get(0))).contains("Sammanfattning på svenska");
		// The latest record of an address decides its language; one notice per address.
		List<MimeMessage> toTwice = mail.awaitMessagesTo(twice, 1, Duration.ofSeconds(10));
		assertThat(toTwice).hasSize(1);
		assertThat(MailServer.plainText(toTwice.get(0))).contains("Sammanfattning på svenska");
		assertThat(mail.messagesTo(erased)).isEmpty();
		assertThat(mail.messagesTo(optedOut)).isEmpty();
		assertThat(mail.messagesTo(unconfirmed)).as("an address never confirmed gets no mail").isEmpty();

		// Running again queues nothing more.
		assertThat(this.notices.run()).isZero();
		MailDispatch.now(this.context);
		assertThat(mail.messagesTo(english)).hasSize(1);

		String page = html(this.mvc.get()
			.uri(published.getResponse().getRedirectedUrl())
			.with(user(admin))
			.header("Accept-Language", ENGLISH)
			.exchange());
		assertThat(Html.textOf(page, "notices-queued")).hasValue("0");
		assertThat(Long.parseLong(Html.textOf(page, "notices-sent").orElseThrow())).isGreaterThanOrEqualTo(3);
		assertThat(Html.textOf(page, "notices-scheduling").orElseThrow()).startsWith("All ");
	}

	@Test
	void aMaterialChangeTenDaysAheadIsRefusedInTheAdminsLanguage() {
		StaffPrincipal admin = admin();
		LocalDate tenDays = this.today.plusDays(10);
		MvcTestResult english = publish(admin, ENGLISH, tenDays, true);
		assertThat(english).hasStatusOk().hasViewName("admin/policy/new");
		assertThat(Html.textOf(html(english), "effectiveOn-error"))
			.hasValue("A material change must be announced at least 30 days ahead: choose " + this.today.plusDays(30)
					+ " or later.");
		MvcTestResult swedish = publish(admin, SWEDISH, tenDays, true);
		assertThat(Html.textOf(html(swedish), "effectiveOn-error"))
			.hasValue("En väsentlig ändring måste meddelas minst 30 dagar i förväg: välj " + this.today.plusDays(30)
					+ " eller senare.");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM policy_version WHERE effective_on = ?", Long.class,
				tenDays))
			.isZero();
		// A change that is not material needs no notice.
		assertThat(publish(admin, ENGLISH, tenDays, false)).hasStatus3xxRedirection();
	}

	@Test
	void thePrivacyPageShowsTheVersionInForceTheAnnouncedOneAndTheHistoryInBothLanguages() {
		PolicyVersion first = this.policies.publish(draft(this.today.plusDays(40), "first"), Actor.SYSTEM);
		PolicyVersion second = this.policies.publish(draft(this.today.plusDays(80), "second"), Actor.SYSTEM);
		PolicyVersion third = this.policies.publish(draft(this.today.plusDays(120), "third"), Actor.SYSTEM);
		this.notices.run();
		this.clock.set(this.today.plusDays(85).atTime(10, 0).atZone(STOCKHOLM).toInstant());

		String english = html(this.mvc.get().uri("/privacy").header("Accept-Language", ENGLISH).exchange());
		assertThat(english).contains("Policy text second in English");
		assertThat(Html.textOf(english, "privacy-in-force"))
			.hasValue("In force since " + second.getEffectiveOn() + ".");
		assertThat(Html.textOf(english, "privacy-upcoming").orElseThrow()).contains("From " + third.getEffectiveOn(),
				"Summary in English third");
		assertThat(Html.textOf(english, "privacy-history").orElseThrow())
			.contains("In force from " + first.getEffectiveOn(), "Summary in English first");
		assertThat(Html.textOf(english, "privacy-retention").orElseThrow())
			.contains("kept for 3 years after the request was closed");

		String swedish = html(this.mvc.get().uri("/privacy").header("Accept-Language", SWEDISH).exchange());
		assertThat(swedish).contains("Policytext second på svenska");
		assertThat(Html.textOf(swedish, "privacy-in-force")).hasValue("Gäller sedan " + second.getEffectiveOn() + ".");
		assertThat(Html.textOf(swedish, "privacy-upcoming").orElseThrow()).contains("Från " + third.getEffectiveOn(),
				"Sammanfattning på svenska third");
		assertThat(Html.textOf(swedish, "privacy-history").orElseThrow())
			.contains("Gällde från " + first.getEffectiveOn(), "Sammanfattning på svenska first");
		assertThat(Html.textOf(swedish, "privacy-retention").orElseThrow())
			.contains("sparas i 3 år efter att begäran avslutades");

		assertThat(html(
				this.mvc.get().uri("/privacy/versions/" + first.getId()).header("Accept-Language", SWEDISH).exchange()))
			.contains("Policytext first på svenska");
	}

	@Test
	void theOptOutLinkStopsLaterNoticesAndTheCsvLeavesThePersonOut() {
		String stays = person("en");
		String leaves = person("sv");
		String token = this.optOuts.token(leaves);
		assertThat(this.mvc.get().uri("/privacy/notices/opt-out/" + token).header("Accept-Language", SWEDISH))
			.hasStatusOk()
			.bodyText()
			.contains("Stoppa meddelandena");
		assertThat(this.mvc.post().uri("/privacy/notices/opt-out/" + token).with(csrf())).hasStatusOk()
			.bodyText()
			.contains("you will get no more emails");
		assertThat(this.mvc.get().uri("/privacy/notices/opt-out/not-a-token")).hasStatus(404);

		StaffPrincipal admin = admin();
		MvcTestResult published = publish(admin, ENGLISH, this.today.plusDays(31), true);
		String csv = new String(this.mvc.get()
			.uri(published.getResponse().getRedirectedUrl() + "/recipients.csv")
			.with(user(admin))
			.exchange()
			.getResponse()
			.getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFFemail;language\r\n").contains(stays + ";en\r\n").doesNotContain(leaves);

		this.notices.run();
		MailDispatch.now(this.context);
		assertThat(mail.awaitMessagesTo(stays, 1, Duration.ofSeconds(10))).hasSize(1);
		assertThat(mail.messagesTo(leaves)).isEmpty();
	}

	@Test
	void onlyAdminsManageVersions() {
		StaffPrincipal handler = TestAccounts.signedIn(this.accounts, this.userDetailsService, Role.CASE_HANDLER);
		assertThat(this.mvc.get().uri("/staff/admin/policy").with(user(handler))).hasStatus(403);
		assertThat(this.mvc.get().uri("/staff/admin/policy").with(user(admin()))).hasStatusOk();
	}

	MvcTestResult publish(StaffPrincipal admin, String language, LocalDate effectiveOn, boolean material) {
		return this.mvc.post()
			.uri("/staff/admin/policy")
			.with(user(admin))
			.with(csrf())
			.header("Accept-Language", language)
			.param("effectiveOn", effectiveOn.toString())
			.param("material", Boolean.toString(material))
			.param("summarySv", "Sammanfattning på svenska")
			.param("summaryEn", "Summary in English")
			.param("textSv", "# Rubrik\n\nPolicytext på svenska")
			.param("textEn", "# Heading\n\nPolicy text in English")
			.exchange();
	}

	static PolicyService.Draft draft(LocalDate effectiveOn, String name) {
		return new PolicyService.Draft(effectiveOn, true, "Sammanfattning på svenska " + name,
				"Summary in English " + name, "Policytext " + name + " på svenska",
				"Policy text " + name + " in English");
	}

	/**
	 * A person with a request registered by staff (so a known address), withdrawn at once
	 * so that no other test finds it open.
	 */
	String person(String language) {
		String email = "policy-" + UUID.randomUUID() + "@example.com";
		register(email, language);
		return email;
	}

	void register(String email, String language) {
		DsrRequest request = this.requests.register(new NewRequest("Test Person", email, null, language,
				RequestType.ACCESS, Channel.LETTER, null, this.clock.instant()), Actor.SYSTEM);
		this.requests.withdraw(request.getId(), null, Actor.SYSTEM);
	}

	void eraseEveryoneWith(String email) {
		DataSubject subject = this.subjects.findFirstByEmailKeyOrderByIdAsc(email).orElseThrow();
		subject.erasePersonalDetails(this.clock.instant());
		this.subjects.save(subject);
	}

	StaffPrincipal admin() {
		return TestAccounts.signedIn(this.accounts, this.userDetailsService, Role.ADMIN);
	}

	static String html(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

}
