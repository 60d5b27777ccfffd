package se.dsrdesk.mailchimp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Page;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffUser;
import se.dsrdesk.account.StaffUserRepository;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.location.LocationService;
import se.dsrdesk.location.ProtectedAddresses;
import se.dsrdesk.notification.OutgoingMail;
import se.dsrdesk.notification.Outbox;
import se.dsrdesk.notification.RecipientKind;
import se.dsrdesk.system.ExclusiveJobs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static se.dsrdesk.mailchimp.MailchimpApi.KEY;
import static se.dsrdesk.mailchimp.MailchimpApi.NEWSLETTER;
import static se.dsrdesk.mailchimp.MailchimpApi.hash;

/**
 * The scheduled purge of long-unsubscribed members against an HTTP server that answers as
 * Mailchimp's API reference documents "List members info" (WireMock): old unsubscribed
 * members are deleted for good with {@code actions/delete-permanent}, never with
 * {@code DELETE}; recently unsubscribed ones, and those tied to an open request or a hold
 * (Art. 17(3), Art. 18(1)), are kept; the owner gets a report and the audit has no
 * address.
 */
class MailchimpPurgeTest {

	static final Instant NOW = Instant.parse("2026-03-03T09:00:00Z");

	/** 30 days before {@link #NOW}. */
	static final String BEFORE = "2026-02-01T09:00:00Z";

	static WireMockServer server;

	final ProtectedAddresses guard = mock(ProtectedAddresses.class);

	final LocationService locations = mock(LocationService.class);

	final StaffUserRepository staff = mock(StaffUserRepository.class);

	final Outbox outbox = mock(Outbox.class);

	final AuditLog audit = mock(AuditLog.class);

	final ExclusiveJobs jobs = mock(ExclusiveJobs.class);

	final StaffUser admin = mock(StaffUser.class);

	@BeforeAll
	static void start() {
		server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		server.start();
		MailchimpApi.warmUp(server);
	}

	@AfterAll
	static void stop() {
		server.stop();
	}

	@BeforeEach
	void reset() {
		server.resetAll();
		given(this.guard.all()).willReturn(Set.of("open@exempel.se", "held@exempel.se"));
		given(this.locations.list(anyBoolean(), any(Locale.class), anyInt(), anyInt())).willReturn(Page.empty());
		given(this.admin.getId()).willReturn(7L);
		given(this.admin.getEmail()).willReturn("admin@dsrdesk.example");
		given(this.admin.getPreferredLanguage()).willReturn("sv");
		given(this.staff.findActiveWithRole(Role.ADMIN)).willReturn(List.of(this.admin));
		// Two pages of two (count=2): Mailchimp's "List members info" answer.
		server
			.stubFor(get(urlPathEqualTo("/3.0/lists/" + NEWSLETTER + "/members")).withQueryParam("offset", equalTo("0"))
				.willReturn(okJson(page(4, member("old@exempel.se", "2025-12-01T10:00:00+00:00"),
						member("Open@Exempel.se", "2025-11-01T10:00:00+00:00")))));
		server
			.stubFor(get(urlPathEqualTo("/3.0/lists/" + NEWSLETTER + "/members")).withQueryParam("offset", equalTo("2"))
				.willReturn(okJson(page(4, member("recent@exempel.se", "2026-02-20T10:00:00+00:00"),
						member("held@exempel.se", "2025-10-01T10:00:00+00:00")))));
		server.stubFor(post(urlPathMatching("/3.0/lists/.*/actions/delete-permanent"))
			.willReturn(aResponse().withStatus(204)));
	}

	MailchimpPurge purge(boolean enabled) {
		MailchimpProperties properties = new MailchimpProperties(KEY, server.baseUrl() + "/3.0/", List.of(NEWSLETTER),
				Duration.ofSeconds(2), Duration.ofSeconds(5), 1, Duration.ofMillis(10), Duration.ofSeconds(30));
		List<Long> pauses = new ArrayList<>();
		MailchimpClient client = new MailchimpClient(properties, JsonMapper.builder().build(), pauses::add);
		MailchimpPurgeProperties purge = new MailchimpPurgeProperties(enabled, Duration.ofDays(30), "-", 2, 1000,
				Duration.ofMinutes(5));
		return new MailchimpPurge(client, properties, purge, this.guard, this.locations, this.staff, this.outbox,
				this.audit, this.jobs, new TransactionTemplate(mock(PlatformTransactionManager.class)),
				Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@Test
	void deletesOldUnsubscribedMembersForGoodAndKeepsRecentOpenAndHeldOnes() {
		MailchimpPurge.Report report = purge(true).purge();

		assertThat(report.deleted()).isEqualTo(1);
		assertThat(report.kept()).isEqualTo(2);
		assertThat(report.failure()).isNull();
		server.verify(getRequestedFor(urlPathEqualTo("/3.0/lists/" + NEWSLETTER + "/members"))
			.withQueryParam("status", equalTo("unsubscribed"))
			.withQueryParam("before_last_changed", equalTo(BEFORE))
			.withQueryParam("count", equalTo("2")));
		server.verify(1, postRequestedFor(urlPathMatching("/3.0/lists/.*/actions/delete-permanent")));
		server.verify(1, postRequestedFor(urlPathEqualTo(
				"/3.0/lists/" + NEWSLETTER + "/members/" + hash("old@exempel.se") + "/actions/delete-permanent")));
		server.verify(0, deleteRequestedFor(anyUrl()));
	}

	@Test
	void reportsToTheOwnerAndAuditsWithoutAddresses() {
		purge(true).purge();

		ArgumentCaptor<String> details = ArgumentCaptor.forClass(String.class);
		verify(this.audit).record(eq(Actor.SYSTEM), eq("MAILCHIMP_PURGE"), eq("MAILCHIMP_AUDIENCE"), eq(NEWSLETTER),
				details.capture());
		assertThat(details.getValue()).contains("deleted=1", "kept=2").doesNotContain("@");
		ArgumentCaptor<OutgoingMail> mail = ArgumentCaptor.forClass(OutgoingMail.class);
		verify(this.outbox).enqueue(mail.capture());
		assertThat(mail.getValue().recipient()).isEqualTo("admin@dsrdesk.example");
		assertThat(mail.getValue().recipientKind()).isEqualTo(RecipientKind.STAFF);
		assertThat(mail.getValue().template()).isEqualTo(MailchimpPurge.LETTER);
		assertThat(mail.getValue().model()).containsEntry("deleted", 1).containsEntry("kept", 2);
		assertThat(mail.getValue().model().toString()).doesNotContain("@");
	}

	@Test
	void aRefusalStopsThePurgeAndRecordsNothingAsDeleted() {
		server.stubFor(
				post(urlPathMatching("/3.0/lists/.*/actions/delete-permanent")).willReturn(aResponse().withStatus(401)
					.withHeader("Content-Type", "application/problem+json")
					.withBody("{\"title\":\"API Key Invalid\",\"status\":401}")));

		MailchimpPurge.Report report = purge(true).purge();

		assertThat(report.deleted()).isZero();
		assertThat(report.failure()).isNotNull();
		ArgumentCaptor<String> details = ArgumentCaptor.forClass(String.class);
		verify(this.audit).record(eq(Actor.SYSTEM), eq("MAILCHIMP_PURGE"), eq("MAILCHIMP_AUDIENCE"), eq(NEWSLETTER),
				details.capture());
		assertThat(details.getValue()).contains("deleted=0", "failed=true");
		ArgumentCaptor<OutgoingMail> mail = ArgumentCaptor.forClass(OutgoingMail.class);
		verify(this.outbox).enqueue(mail.capture());
		assertThat(mail.getValue().model()).containsEntry("failed", true);
		server.verify(0, deleteRequestedFor(anyUrl()));
	}

	@Test
	void offByDefaultItCallsNothing() {
		purge(false).scheduled();

		verifyNoInteractions(this.jobs);
		server.verify(0, anyRequestedFor(anyUrl()));
		verify(this.outbox, never()).enqueue(any());
	}

	@Test
	void aPageIsAtMostWhatMailchimpAllows() {
		MailchimpPurgeProperties settings = new MailchimpPurgeProperties(true, Duration.ofDays(30), "0 50 2 * * *",
				5000, 0, Duration.ofMinutes(30));
		assertThat(settings.pageSize()).isEqualTo(1000);
		assertThat(settings.maxPerRun()).isEqualTo(1);
	}

	static String page(int total, String... members) {
		return """
				{ "members": [ %s ], "list_id": "%s", "total_items": %d,
				  "_links": [ { "rel": "self", "href": "https://us21.api.mailchimp.com/3.0/lists/%s/members",
				    "method": "GET", "targetSchema": "", "schema": "" } ] }""".formatted(String.join(",", members),
				NEWSLETTER, total, NEWSLETTER);
	}

	static String member(String address, String lastChanged) {
		return """
				{ "id": "%s", "email_address": "%s", "status": "unsubscribed", "unsubscribe_reason": "N/A (Unsubscribed by an admin)",
				  "last_changed": "%s", "list_id": "%s" }"""
			.formatted(hash(address), address, lastChanged, NEWSLETTER);
	}

}
