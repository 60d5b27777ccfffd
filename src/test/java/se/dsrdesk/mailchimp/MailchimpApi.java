package se.dsrdesk.mailchimp;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

import org.springframework.util.DigestUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Mailchimp's Marketing API v3 as its reference documents it
 * (https://mailchimp.com/developer/marketing/api/), for WireMock: the answers' shapes and
 * field names are copied from the reference's example responses (search-members, list
 * members, member tags, member notes, member activity feed, lists; errors as problem
 * details), not from our own code.
 */
final class MailchimpApi {

	/** A key in Mailchimp's format: 32 hex digits, a dash and the data centre. */
	static final String KEY = "0f1e2d3c4b5a69788796a5b4c3d2e1f0-us21";

	static final String NEWSLETTER = "a1b2c3d4e5";

	static final String CUSTOMERS = "f6e5d4c3b2";

	private MailchimpApi() {
	}

	/**
	 * The subscriber hash as Mailchimp documents it: the MD5 hash of the lower-case
	 * version of the address (computed here with Spring's own MD5, not the connector's).
	 */
	static String hash(String address) {
		return DigestUtils.md5DigestAsHex(address.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
	}

	/** A list member, as "Get member info" answers it. */
	static String member(String listId, String address, String status) {
		return """
				{
				  "id": "%s",
				  "email_address": "%s",
				  "unique_email_id": "8f3e2a1b0c",
				  "contact_id": "c0ffee0123456789",
				  "full_name": "Åsa Öberg",
				  "web_id": 123456789,
				  "email_type": "html",
				  "status": "%s",
				  "unsubscribe_reason": "",
				  "consents_to_one_to_one_messaging": true,
				  "merge_fields": { "FNAME": "Åsa", "LNAME": "Öberg", "PHONE": "" },
				  "interests": {},
				  "stats": { "avg_open_rate": 0.5, "avg_click_rate": 0.1 },
				  "ip_signup": "192.0.2.10",
				  "timestamp_signup": "2024-05-01T10:00:00+00:00",
				  "ip_opt": "192.0.2.11",
				  "timestamp_opt": "2024-05-01T10:05:00+00:00",
				  "member_rating": 3,
				  "last_changed": "2025-01-10T08:00:00+00:00",
				  "language": "sv",
				  "vip": false,
				  "email_client": "",
				  "location": { "latitude": 59.33, "longitude": 18.06, "gmtoff": 1, "dstoff": 2,
				    "country_code": "SE", "timezone": "Europe/Stockholm", "region": "AB" },
				  "marketing_permissions": [],
				  "last_note": { "note_id": 1, "created_at": "2025-01-02T09:00:00+00:00",
				    "created_by": "Staff", "note": "Asked about delivery" },
				  "source": "Hosted Signup Form",
				  "tags_count": 1,
				  "tags": [ { "id": 101, "name": "Customer" } ],
				  "list_id": "%s",
				  "_links": [ { "rel": "self", "href": "https://us21.api.mailchimp.com/3.0/lists/%s/members/%s",
				    "method": "GET", "targetSchema": "", "schema": "" } ]
				}""".formatted(hash(address), address, status, listId, listId, hash(address));
	}

	/** "Search members": exact matches and a full search, each a list of members. */
	static String search(String... members) {
		return """
				{ "exact_matches": { "members": [ %s ], "total_items": %d },
				  "full_search": { "members": [], "total_items": 0 },
				  "_links": [] }""".formatted(String.join(", ", members), members.length);
	}

	/** A problem detail, as the API answers errors. */
	static String problem(int status, String title, String detail) {
		return """
				{ "type": "https://mailchimp.com/developer/marketing/docs/errors/",
				  "title": "%s", "status": %d, "detail": "%s", "instance": "995c5cb0-3280-4a6e-808b-3b096d0bb219" }"""
			.formatted(title, status, detail);
	}

	/**
	 * Everything a member in two audiences answers: the search (by the lower-cased
	 * address), each audience's name, each member with its tags, notes and activity.
	 * @param server the server
	 * @param address the address as Mailchimp stores it (mixed case)
	 */
	static void memberInTwoAudiences(WireMockServer server, String address) {
		String lower = address.toLowerCase(Locale.ROOT);
		server.stubFor(get(urlPathEqualTo("/3.0/search-members")).withQueryParam("query", equalTo(lower))
			.willReturn(okJson(
					search(member(NEWSLETTER, address, "subscribed"), member(CUSTOMERS, address, "unsubscribed")))));
		audience(server, NEWSLETTER, "Newsletter");
		audience(server, CUSTOMERS, "Customers");
		for (String list : new String[] { NEWSLETTER, CUSTOMERS }) {
			String path = "/3.0/lists/" + list + "/members/" + hash(address);
			server.stubFor(get(urlPathEqualTo(path))
				.willReturn(okJson(member(list, address, list.equals(NEWSLETTER) ? "subscribed" : "unsubscribed"))));
			server.stubFor(get(urlPathEqualTo(path + "/tags")).willReturn(okJson("""
					{ "tags": [ { "id": 101, "name": "Customer", "date_added": "2024-06-01T09:00:00+00:00" } ],
					  "total_items": 1, "_links": [] }""")));
			server.stubFor(get(urlPathEqualTo(path + "/notes")).willReturn(okJson("""
					{ "notes": [ { "note_id": 1, "created_at": "2025-01-02T09:00:00+00:00", "created_by": "Staff",
					    "updated_at": "2025-01-02T09:00:00+00:00", "note": "Asked about delivery",
					    "list_id": "%s", "email_id": "%s", "contact_id": "c0ffee0123456789", "_links": [] } ],
					  "list_id": "%s", "email_id": "%s", "total_items": 1, "_links": [] }""".formatted(list,
					hash(address), list, hash(address)))));
			server.stubFor(get(urlPathEqualTo(path + "/activity-feed")).willReturn(okJson("""
					{ "activity": [ { "activity_type": "open", "created_at_timestamp": "2025-01-09T07:00:00+00:00",
					    "campaign_id": "42694e9e57", "campaign_title": "January news" } ],
					  "email_id": "%s", "list_id": "%s", "total_items": 1, "_links": [] }""".formatted(hash(address),
					list))));
		}
	}

	static void audience(WireMockServer server, String listId, String name) {
		server.stubFor(get(urlPathEqualTo("/3.0/lists/" + listId))
			.willReturn(okJson("{ \"id\": \"%s\", \"name\": \"%s\", \"_links\": [] }".formatted(listId, name))));
	}

	/**
	 * Sends the server a few requests, so that the first call of a test does not meet a
	 * cold server (which, on a busy machine, can take longer than a read timeout).
	 * @param server the server
	 */
	static void warmUp(WireMockServer server) {
		java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
		for (int i = 0; i < 5; i++) {
			for (String method : new String[] { "GET", "POST", "PATCH" }) {
				try {
					client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/warm-up"))
						.method(method, java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
						.build(), java.net.http.HttpResponse.BodyHandlers.discarding());
				}
				catch (java.io.IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
		server.resetAll();
	}

	/** The answer to "Delete list member" permanently: 204 No Content. */
	static MappingBuilder deleted(MappingBuilder post) {
		return post.willReturn(aResponse().withStatus(204));
	}

}
