package se.dsrdesk.mailchimp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import se.dsrdesk.location.DataLocation;
import se.dsrdesk.location.LocationKind;
import se.dsrdesk.location.connector.ConnectorException;
import se.dsrdesk.location.connector.ConnectorSubject;
import se.dsrdesk.location.connector.Finding;
import se.dsrdesk.location.connector.Hit;
import se.dsrdesk.location.connector.NewFinding;
import se.dsrdesk.location.connector.Receipt;
import se.dsrdesk.location.connector.SearchResult;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static se.dsrdesk.mailchimp.MailchimpApi.CUSTOMERS;
import static se.dsrdesk.mailchimp.MailchimpApi.KEY;
import static se.dsrdesk.mailchimp.MailchimpApi.NEWSLETTER;
import static se.dsrdesk.mailchimp.MailchimpApi.hash;

/**
 * The Mailchimp connector against an HTTP server that answers as Mailchimp's API
 * reference documents (WireMock): find by a mixed-case address in two audiences, copy,
 * delete-permanent per audience and never {@code DELETE}, unsubscribe with {@code PATCH},
 * and each failure as a translated refusal after bounded retries (the pauses are
 * recorded, not slept).
 */
class MailchimpConnectorTest {

	static final String STORED = "Asa.Oberg@Exempel.SE";

	static final ConnectorSubject ASA = new ConnectorSubject("DSR-2026-000123", "Åsa Öberg",
			List.of("asa.oberg@exempel.se", "ASA@other.example"), null);

	static final Instant NOW = Instant.parse("2026-03-03T09:00:00Z");

	static WireMockServer server;

	final List<Long> pauses = new ArrayList<>();

	MailchimpConnector connector;

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
	void connect() {
		server.resetAll();
		this.connector = connector(KEY, List.of());
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		// The person's second address is in no audience.
		server.stubFor(
				get(urlPathEqualTo("/3.0/search-members")).atPriority(10).willReturn(okJson(MailchimpApi.search())));
	}

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	MailchimpConnector connector(String key, List<String> audiences) {
		return connector(key, audiences, Duration.ofSeconds(5));
	}

	MailchimpConnector connector(String key, List<String> audiences, Duration readTimeout) {
		MailchimpProperties properties = new MailchimpProperties(key, server.baseUrl() + "/3.0/", audiences,
				Duration.ofSeconds(2), readTimeout, 2, Duration.ofMillis(100), Duration.ofSeconds(30));
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		JsonMapper json = JsonMapper.builder().build();
		return new MailchimpConnector(new MailchimpClient(properties, json, this.pauses::add), properties, json,
				messages, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@Test
	void servesNewsletterPlatformsOnly() {
		DataLocation newsletter = mock(DataLocation.class);
		given(newsletter.getKind()).willReturn(LocationKind.NEWSLETTER_PLATFORM);
		DataLocation mailbox = mock(DataLocation.class);
		given(mailbox.getKind()).willReturn(LocationKind.MAILBOX);
		assertThat(this.connector.serves(newsletter)).isTrue();
		assertThat(this.connector.serves(mailbox)).isFalse();
		assertThat(this.connector.canUnsubscribe()).isTrue();
	}

	@Test
	void theSubscriberHashIsTheMd5OfTheLowerCasedAddress() {
		// The example of Mailchimp's guide "Methods for working with subscriber hashes".
		assertThat(MailchimpConnector.subscriberHash("Urist.McVankab@freddiesjokes.com"))
			.isEqualTo("62eeb292278cc15f5817cb78f7790b08")
			.isEqualTo(hash("urist.mcvankab@freddiesjokes.com"));
	}

	@Nested
	class AMemberInTwoAudiences {

		@BeforeEach
		void stubs() {
			MailchimpApi.memberInTwoAudiences(server, STORED);
		}

		@Test
		void isFoundByAMixedCaseAddressInBothAudiencesWithWhatTheTaskShows() {
			SearchResult result = MailchimpConnectorTest.this.connector.find(null, ASA, 0);

			assertThat(result.hits()).extracting(Hit::id)
				.containsExactly(NEWSLETTER + ":" + hash(STORED), CUSTOMERS + ":" + hash(STORED));
			assertThat(result.hits()).allMatch(Hit::preselected);
			Hit first = result.hits().get(0);
			assertThat(first.title()).isEqualTo("Audience Newsletter: subscribed");
			assertThat(first.details()).containsEntry("Address", STORED)
				.containsEntry("Audience", "Newsletter (" + NEWSLETTER + ")")
				.containsEntry("Status", "subscribed")
				.containsEntry("Merge fields", "FNAME: Åsa; LNAME: Öberg")
				.containsEntry("Tags", "Customer")
				.containsEntry("Signed up (time, IP)", "2024-05-01T10:00:00+00:00, 192.0.2.10")
				.containsEntry("Opted in (time, IP)", "2024-05-01T10:05:00+00:00, 192.0.2.11")
				.containsEntry("Location", "SE, Europe/Stockholm")
				.containsEntry("Last changed", "2025-01-10T08:00:00+00:00");
			assertThat(result.hits().get(1).title()).isEqualTo("Audience Customers: unsubscribed");
			// Each member read again by its hash; the search asked with the lower-cased
			// address; both of the person's addresses searched.
			server.verify(getRequestedFor(urlPathEqualTo("/3.0/lists/" + CUSTOMERS + "/members/" + hash(STORED))));
			server.verify(getRequestedFor(urlPathEqualTo("/3.0/search-members")).withQueryParam("query",
					equalTo("asa.oberg@exempel.se")));
			server.verify(getRequestedFor(urlPathEqualTo("/3.0/search-members")).withQueryParam("query",
					equalTo("asa@other.example")));
			server.verify(getRequestedFor(anyUrl())
				.withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials("dsrdesk", KEY)));
		}

		@Test
		void onlyTheAudiencesTheSettingsNameAreLookedIn() {
			SearchResult result = connector(KEY, List.of(CUSTOMERS)).find(null, ASA, 0);
			assertThat(result.hits()).extracting(Hit::id).containsExactly(CUSTOMERS + ":" + hash(STORED));
			assertThatThrownBy(() -> connector(KEY, List.of(CUSTOMERS)).erase(null, ASA,
					List.of(NEWSLETTER + ":" + hash(STORED)), false))
				.isInstanceOfSatisfying(ConnectorException.class,
						(ex) -> assertThat(ex.messageCode()).isEqualTo("mailchimp.unknownHit"));
		}

		@Test
		void theCopyHoldsTheMemberItsTagsNotesAndActivityReadableAndAsJson() {
			List<NewFinding> copy = MailchimpConnectorTest.this.connector.copy(null, ASA,
					List.of(NEWSLETTER + ":" + hash(STORED)));

			assertThat(copy).extracting(NewFinding::kind)
				.containsExactly(Finding.Kind.RECORD, Finding.Kind.RECORD, Finding.Kind.RECORD, Finding.Kind.RECORD,
						Finding.Kind.FILE);
			NewFinding member = copy.get(0);
			assertThat(member.title()).isEqualTo("Newsletter member in the audience Newsletter (" + NEWSLETTER + ")");
			assertThat(member.source()).isEqualTo("mailchimp:list/" + NEWSLETTER + "/member");
			assertThat(member.fields()).containsEntry("email_address", STORED)
				.containsEntry("merge_fields.FNAME", "Åsa")
				.containsEntry("ip_opt", "192.0.2.11")
				.containsEntry("location.country_code", "SE")
				.containsEntry("tags[0].name", "Customer")
				.doesNotContainKey("_links[0].href");
			assertThat(copy.get(1).fields()).containsEntry("1. Customer", "2024-06-01T09:00:00+00:00");
			assertThat(copy.get(2).fields()).containsEntry("1. 2025-01-02T09:00:00+00:00", "Asked about delivery");
			assertThat(copy.get(3).fields()).containsEntry("1. 2025-01-09T07:00:00+00:00 open", "January news");
			NewFinding file = copy.get(4);
			assertThat(file.contentType()).isEqualTo("application/json");
			String json = new String(file.content(), java.nio.charset.StandardCharsets.UTF_8);
			assertThat(json).contains("\"merge_fields\"", "Asked about delivery", "January news")
				.doesNotContain("_links");
		}

		@Test
		void erasingDeletesPermanentlyInEachAudienceByTheHashAndNeverArchives() {
			server.stubFor(
					MailchimpApi.deleted(post(urlPathMatching("/3.0/lists/.*/members/.*/actions/delete-permanent"))));
			List<String> both = List.of(NEWSLETTER + ":" + hash(STORED), CUSTOMERS + ":" + hash(STORED));

			Receipt dry = MailchimpConnectorTest.this.connector.erase(null, ASA, both, true);
			assertThat(dry.dryRun()).isTrue();
			assertThat(dry.count()).isEqualTo(2);
			server.verify(0, postRequestedFor(anyUrl()));

			Receipt receipt = MailchimpConnectorTest.this.connector.erase(null, ASA, both, false);

			assertThat(receipt.count()).isEqualTo(2);
			assertThat(receipt.evidence()).containsExactly(
					"Audience " + NEWSLETTER
							+ ": deleted permanently at 2026-03-03T09:00:00Z (Mailchimp answered HTTP 204)",
					"Audience " + CUSTOMERS
							+ ": deleted permanently at 2026-03-03T09:00:00Z (Mailchimp answered HTTP 204)");
			for (String list : List.of(NEWSLETTER, CUSTOMERS)) {
				server.verify(1, postRequestedFor(urlPathEqualTo(
						"/3.0/lists/" + list + "/members/" + hash(STORED) + "/actions/delete-permanent")));
			}
			server.verify(0, deleteRequestedFor(anyUrl()));
			assertThat(String.join(" ", receipt.evidence())).doesNotContainIgnoringCase("oberg");
		}

		@Test
		void aMemberAlreadyGoneIsNotCountedAsErased() {
			server.stubFor(post(urlPathMatching("/3.0/lists/.*/actions/delete-permanent"))
				.willReturn(aResponse().withStatus(404)
					.withHeader("Content-Type", "application/problem+json")
					.withBody(MailchimpApi.problem(404, "Resource Not Found",
							"The requested resource could not be found."))));
			Receipt receipt = MailchimpConnectorTest.this.connector.erase(null, ASA,
					List.of(NEWSLETTER + ":" + hash(STORED)), false);
			assertThat(receipt.count()).isZero();
			assertThat(receipt.evidence()).containsExactly(
					"Audience " + NEWSLETTER + ": not a member (Mailchimp answered HTTP 404); nothing deleted");
		}

		@Test
		void unsubscribingPatchesTheStatusAndKeepsTheMember() {
			server.stubFor(patch(urlPathEqualTo("/3.0/lists/" + NEWSLETTER + "/members/" + hash(STORED)))
				.willReturn(okJson(MailchimpApi.member(NEWSLETTER, STORED, "unsubscribed"))));

			Receipt receipt = MailchimpConnectorTest.this.connector.unsubscribe(null, ASA,
					List.of(NEWSLETTER + ":" + hash(STORED)), false);

			assertThat(receipt.count()).isEqualTo(1);
			assertThat(receipt.evidence()).containsExactly("Audience " + NEWSLETTER
					+ ": unsubscribed at 2026-03-03T09:00:00Z (Mailchimp's status now: unsubscribed)");
			server.verify(patchRequestedFor(urlPathEqualTo("/3.0/lists/" + NEWSLETTER + "/members/" + hash(STORED)))
				.withRequestBody(equalToJson("{\"status\":\"unsubscribed\"}")));
			server.verify(0, deleteRequestedFor(anyUrl()));
			server.verify(0, postRequestedFor(anyUrl()));
		}

		@Test
		void aHitThatIsNotOneOfThePersonsAddressesIsRefused() {
			assertThatThrownBy(() -> MailchimpConnectorTest.this.connector.erase(null, ASA,
					List.of(NEWSLETTER + ":" + hash("someone.else@example.com")), false))
				.isInstanceOfSatisfying(ConnectorException.class,
						(ex) -> assertThat(ex.messageCode()).isEqualTo("mailchimp.unknownHit"));
			server.verify(0, postRequestedFor(anyUrl()));
		}

	}

	@Nested
	class Failures {

		@Test
		void withoutAKeyNothingIsCalledAndTheTaskSaysHowToConnect() {
			assertThatThrownBy(() -> connector("", List.of()).find(null, ASA, 0)).isInstanceOfSatisfying(
					ConnectorException.class, (ex) -> assertThat(ex.messageCode()).isEqualTo("mailchimp.notConnected"));
			assertThat(server.getAllServeEvents()).isEmpty();
		}

		@Test
		void aRefusedKeyIsNotTriedAgain() {
			server.stubFor(get(anyUrl()).atPriority(1)
				.willReturn(aResponse().withStatus(401)
					.withHeader("Content-Type", "application/problem+json")
					.withBody(MailchimpApi.problem(401, "API Key Invalid", "Your API key may be invalid."))));
			assertThatThrownBy(() -> MailchimpConnectorTest.this.connector.find(null, ASA, 0))
				.isInstanceOfSatisfying(ConnectorException.class, (ex) -> {
					assertThat(ex.messageCode()).isEqualTo("mailchimp.unauthorized");
					assertThat(ex.arguments()).containsExactly(401);
				});
			assertThat(server.getAllServeEvents()).hasSize(1);
		}

		@Test
		void tooManyRequestsWaitsForRetryAfterAndTriesAgain() {
			MailchimpApi.memberInTwoAudiences(server, STORED);
			server.stubFor(post(urlPathMatching(".*/delete-permanent")).inScenario("busy")
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(aResponse().withStatus(429)
					.withHeader("Retry-After", "7")
					.withBody(MailchimpApi.problem(429, "Too Many Requests", "You have exceeded the limit.")))
				.willSetStateTo("calm"));
			server.stubFor(MailchimpApi
				.deleted(post(urlPathMatching(".*/delete-permanent")).inScenario("busy").whenScenarioStateIs("calm")));

			Receipt receipt = MailchimpConnectorTest.this.connector.erase(null, ASA,
					List.of(NEWSLETTER + ":" + hash(STORED)), false);

			assertThat(receipt.count()).isEqualTo(1);
			assertThat(MailchimpConnectorTest.this.pauses).containsExactly(7000L);
		}

		@Test
		void aRetryAfterLongerThanTheSettingFailsAtOnce() {
			server.stubFor(get(anyUrl()).atPriority(1)
				.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
			assertThatThrownBy(() -> MailchimpConnectorTest.this.connector.find(null, ASA, 0)).isInstanceOfSatisfying(
					ConnectorException.class,
					(ex) -> assertThat(ex.messageCode()).isEqualTo("mailchimp.tooManyRequests"));
			assertThat(MailchimpConnectorTest.this.pauses).isEmpty();
		}

		@Test
		void aServerErrorIsTriedAgainWithBackOff() {
			MailchimpApi.memberInTwoAudiences(server, STORED);
			server.stubFor(patch(anyUrl()).inScenario("flaky")
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(aResponse().withStatus(500)
					.withBody(MailchimpApi.problem(500, "Internal Server Error", "An unexpected error occurred.")))
				.willSetStateTo("once"));
			server.stubFor(patch(anyUrl()).inScenario("flaky")
				.whenScenarioStateIs("once")
				.willReturn(aResponse().withStatus(503))
				.willSetStateTo("up"));
			server.stubFor(patch(anyUrl()).inScenario("flaky")
				.whenScenarioStateIs("up")
				.willReturn(okJson(MailchimpApi.member(NEWSLETTER, STORED, "unsubscribed"))));

			Receipt receipt = MailchimpConnectorTest.this.connector.unsubscribe(null, ASA,
					List.of(NEWSLETTER + ":" + hash(STORED)), false);

			assertThat(receipt.count()).isEqualTo(1);
			assertThat(MailchimpConnectorTest.this.pauses).containsExactly(100L, 200L);
		}

		@Test
		void aServerErrorThatStaysFailsAfterTheRetries() {
			server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(502)));
			assertThatThrownBy(() -> MailchimpConnectorTest.this.connector.erase(null, ASA,
					List.of(NEWSLETTER + ":" + hash(STORED)), false))
				.isInstanceOfSatisfying(ConnectorException.class, (ex) -> {
					assertThat(ex.messageCode()).isEqualTo("mailchimp.unavailable");
					assertThat(ex.arguments()).containsExactly(502, 3);
				});
			server.verify(3, postRequestedFor(anyUrl()));
		}

		@Test
		void aTimeoutIsTriedAgainThenRefused() throws InterruptedException {
			server.stubFor(get(anyUrl()).atPriority(1).willReturn(okJson(MailchimpApi.search()).withFixedDelay(1200)));
			assertThatThrownBy(() -> connector(KEY, List.of(), Duration.ofMillis(400)).find(null, ASA, 0))
				.isInstanceOfSatisfying(ConnectorException.class, (ex) -> {
					assertThat(ex.messageCode()).isEqualTo("mailchimp.unreachable");
					assertThat(ex.arguments()).containsExactly(3);
				});
			assertThat(MailchimpConnectorTest.this.pauses).containsExactly(100L, 200L);
			// The server answers the last of them late: let it, before the next test.
			Thread.sleep(1300);
		}

		@Test
		void aFailureAfterSomeErasuresSaysWhatWasErased() {
			server.stubFor(MailchimpApi.deleted(post(urlPathMatching("/3.0/lists/" + NEWSLETTER + "/.*"))));
			server.stubFor(
					post(urlPathMatching("/3.0/lists/" + CUSTOMERS + "/.*")).willReturn(aResponse().withStatus(403)));
			assertThatThrownBy(() -> MailchimpConnectorTest.this.connector.erase(null, ASA,
					List.of(NEWSLETTER + ":" + hash(STORED), CUSTOMERS + ":" + hash(STORED)), false))
				.isInstanceOfSatisfying(ConnectorException.class, (ex) -> {
					assertThat(ex.messageCode()).isEqualTo("mailchimp.partlyErased");
					assertThat(ex.arguments()[0]).isEqualTo(1);
					assertThat(ex.arguments()[2].toString()).contains(NEWSLETTER).doesNotContain(CUSTOMERS);
				});
		}

	}

	@Test
	void theBaseUrlComesFromTheKeysDataCentreAndTheKeyIsNeverPrinted() {
		MailchimpProperties properties = new MailchimpProperties(KEY, "", List.of(), Duration.ofSeconds(1),
				Duration.ofSeconds(1), 1, Duration.ofSeconds(1), Duration.ofSeconds(1));
		assertThat(properties.root()).isEqualTo("https://us21.api.mailchimp.com/3.0");
		assertThat(properties.toString()).doesNotContain(KEY).doesNotContain("0f1e2d3c").contains("(set)");
		assertThatThrownBy(() -> new MailchimpProperties("nodatacentre", "", List.of(), Duration.ofSeconds(1),
				Duration.ofSeconds(1), 1, Duration.ofSeconds(1), Duration.ofSeconds(1))
			.root()).isInstanceOf(IllegalStateException.class);
	}

}
