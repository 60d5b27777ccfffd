package se.dsrdesk.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.request.reminder.DeadlineSweep;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.attachment.RequestAttachments;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zero-setup default: no profile, no environment, an H2 file database. It must boot,
 * migrate and serve the sign-in page, and report healthy even with no mail server
 * running.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DefaultH2ConfigurationTest {

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("dsrdesk-h2-");
		registry.add("dsr.data-dir", dir::toString);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DeadlineSweep sweep;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void usesAnH2FileDatabaseMigratedByFlyway() {
		String url = this.jdbc.execute((java.sql.Connection c) -> c.getMetaData().getURL());
		assertThat(url).startsWith("jdbc:h2:file:").contains("dsrdesk-h2-");
		Integer applied = this.jdbc.queryForObject("select count(*) from flyway_schema_history where success = true",
				Integer.class);
		assertThat(applied).isGreaterThanOrEqualTo(3);
		Integer admins = this.jdbc.queryForObject("select count(*) from staff_user_role where role = 'ADMIN'",
				Integer.class);
		assertThat(admins).isEqualTo(1);
	}

	@Autowired
	RequestService requests;

	@Autowired
	RequestAttachments attachments;

	@Test
	void storesAndReadsAnAttachmentOnH2() {
		DsrRequest request = this.requests.register(new NewRequest("Test Person", "h2-attachment@example.com", null,
				"en", RequestType.ACCESS, Channel.EMAIL, "Please.", null), Actor.SYSTEM);
		byte[] content = "%PDF-1.4 on H2".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		long id = this.attachments.add(request.getId(), "letter.pdf", content, Actor.SYSTEM);
		assertThat(this.attachments.download(request.getId(), id, Actor.SYSTEM).content()).isEqualTo(content);
		assertThat(this.attachments.list(request.getId())).singleElement()
			.satisfies((a) -> assertThat(a.sha256()).hasSize(64));
	}

	@Test
	void runsTheDeadlineSweepOnH2() {
		assertThat(this.sweep.run().outcome()).isEqualTo(ExclusiveJobs.Outcome.RAN);
	}

	@Test
	void servesTheSignInPage() throws Exception {
		HttpResponse<String> response = get("/login");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("name=\"email\"", "name=\"password\"", "name=\"_csrf\"");
	}

	@Autowired
	ApplicationContext context;

	@Test
	void createsEveryRepositoryWithItsQueries() {
		// The application creates each repository when it is first used (lazy bootstrap
		// mode, for start-up time): creating them all here checks every declared query
		// against the entity model, as a start in the default mode would.
		assertThat(this.context.getBeansOfType(Repository.class)).hasSizeGreaterThanOrEqualTo(11)
			.allSatisfy((name, repository) -> assertThat(repository).isNotNull());
	}

	@Test
	void isHealthyWithoutAMailServer() throws Exception {
		HttpResponse<String> response = get("/actuator/health");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"status\":\"UP\"");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
