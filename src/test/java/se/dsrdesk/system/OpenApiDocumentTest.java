package se.dsrdesk.system;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import se.dsrdesk.support.ApiClient;
import se.dsrdesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document the application serves describes exactly the API it maps: every
 * {@code /api/v1} endpoint (a new one without documentation fails here), with the
 * contract's field names, and nothing of the web pages.
 */
@IntegrationTest
class OpenApiDocumentTest {

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void describesEveryApiEndpointTheApplicationMaps() {
		ApiClient.Response response = new ApiClient(this.port).get("/v3/api-docs");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode document = response.json();
		assertThat(document.path("openapi").asString()).startsWith("3.");

		Set<String> documented = new TreeSet<>();
		for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
			for (Iterator<String> methods = path.getValue().propertyNames().iterator(); methods.hasNext();) {
				documented.add(methods.next().toUpperCase(Locale.ROOT) + " " + path.getKey());
			}
		}
		Set<String> mapped = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : this.mappings.getHandlerMethods().entrySet()) {
			for (String pattern : mapping.getKey().getPatternValues()) {
				if (pattern.startsWith("/api/")) {
					for (RequestMethod method : mapping.getKey().getMethodsCondition().getMethods()) {
						mapped.add(method.name() + " " + pattern);
					}
				}
			}
		}
		assertThat(mapped).contains("POST /api/v1/requests", "GET /api/v1/requests", "GET /api/v1/requests/{reference}",
				"POST /api/v1/requests/{reference}/pause", "POST /api/v1/requests/{reference}/resume",
				"POST /api/v1/requests/{reference}/extension", "POST /api/v1/requests/{reference}/assign",
				"POST /api/v1/requests/{reference}/reject", "POST /api/v1/requests/{reference}/tasks/{taskId}/outcome");
		assertThat(documented).isEqualTo(mapped);
	}

	@Test
	void usesTheContractsFieldNames() {
		JsonNode schemas = new ApiClient(this.port).get("/v3/api-docs").json().path("components").path("schemas");
		assertThat(properties(schemas, "NewRequestBody")).contains("type", "subjectName", "subjectEmail", "channel",
				"receivedAt", "language", "description");
		assertThat(properties(schemas, "RequestDetails")).contains("reference", "type", "status", "channel",
				"receivedAt", "receivedOn", "originalDeadline", "effectiveDeadline", "pauses", "extension", "assignee",
				"tasks", "correspondence");
		assertThat(properties(schemas, "ExtensionBody")).containsExactlyInAnyOrder("months", "reason");
		assertThat(properties(schemas, "RejectBody")).containsExactlyInAnyOrder("ground", "reasons", "lateReason");
		assertThat(properties(schemas, "AnswerBody")).containsExactlyInAnyOrder("text", "lateReason",
				"confirmRefusalWording");
		assertThat(properties(schemas, "DelayBody")).containsExactlyInAnyOrder("reason", "expectedOn");
		assertThat(properties(schemas, "ExtensionPostedBody")).containsExactlyInAnyOrder("postedOn");
		assertThat(properties(schemas, "PauseBody")).containsExactlyInAnyOrder("ground", "reason", "justification");
		assertThat(properties(schemas, "TaskJson")).contains("id", "status", "outcome");
		// The answer package prepared through the API takes the send call's body.
		assertThat(properties(schemas, "PrepareBody")).containsExactlyInAnyOrder("text", "lateReason",
				"confirmRefusalWording");
		assertThat(properties(schemas, "BuildJson")).contains("id", "status", "step", "percent", "createdAt", "matches",
				"files");
		assertThat(schemas.path("RequestDetails").path("properties").path("receivedOn").path("format").asString())
			.isEqualTo("date");
		assertThat(schemas.path("RequestDetails").path("properties").path("receivedAt").path("format").asString())
			.isEqualTo("date-time");
	}

	@Test
	void tellsHowToAuthenticate() {
		JsonNode document = new ApiClient(this.port).get("/v3/api-docs").json();
		JsonNode schemes = document.path("components").path("securitySchemes");
		assertThat(schemes.path("bearerToken").path("scheme").asString()).isEqualTo("bearer");
		assertThat(schemes.path("basic").path("scheme").asString()).isEqualTo("basic");
		assertThat(document.path("info").path("title").asString()).isEqualTo("DSR Desk API");
	}

	private static Set<String> properties(JsonNode schemas, String name) {
		Set<String> names = new HashSet<>();
		schemas.path(name).path("properties").propertyNames().forEach(names::add);
		assertThat(names).as("schema " + name).isNotEmpty();
		return names;
	}

}
