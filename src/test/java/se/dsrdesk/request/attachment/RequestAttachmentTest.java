package se.dsrdesk.request.attachment;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.util.unit.DataSize;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.support.HttpVisitor;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.support.MutableClock;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.IdentityMethod;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Attachments on the request page, through HTTP against real PostgreSQL: upload, list and
 * download with the same bytes; who may upload and who may download; refused files (type,
 * empty, too large, closed request) come back to the page with a translated message; an
 * attachment of another request is a 404; every upload and download is audited by id.
 */
@IntegrationTest
@AutoConfigureMockMvc
class RequestAttachmentTest {

	private static final byte[] PDF = "%PDF-1.4\n% a tiny test file\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	RequestService requests;

	@Autowired
	RequestAttachments attachments;

	@Autowired
	AccountService accounts;

	@Autowired
	UserDetailsService userDetailsService;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JdbcClient jdbcClient;

	@Autowired
	AuditLog audit;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvcTester mvc;

	@LocalServerPort
	int port;

	StaffPrincipal handler;

	final List<Long> opened = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.handler = TestAccounts.signedIn(this.accounts, this.userDetailsService, Role.CASE_HANDLER);
	}

	@AfterEach
	void tearDown() {
		for (Long id : this.opened) {
			this.jdbc.update("update dsr_request set status = 'COMPLETED', closed_at = created_at"
					+ " where id = ? and status not in ('COMPLETED', 'REJECTED', 'WITHDRAWN')", id);
		}
	}

	@Test
	void aCaseHandlerUploadsAndStaffListAndDownloadTheSameBytes() {
		DsrRequest request = registered();
		MvcTestResult upload = upload(request, this.handler, "C:\\scans\\brev från\u0007 Åsa \"x\".pdf", PDF);
		assertThat(upload).hasStatus3xxRedirection();
		assertThat(upload.getResponse().getRedirectedUrl())
			.isEqualTo("/staff/requests/" + request.getId() + "#attachments");
		assertThat((Map<String, Object>) upload.getMvcResult().getFlashMap())
			.containsEntry("success", "attachments.done.added")
			.doesNotContainKey(RequestAttachmentController.ERROR);

		List<RequestAttachments.Attachment> list = this.attachments.list(request.getId());
		assertThat(list).hasSize(1);
		RequestAttachments.Attachment attachment = list.get(0);
		assertThat(attachment.fileName()).isEqualTo("brev från Åsa \"x\".pdf");
		assertThat(attachment.contentType()).isEqualTo("application/pdf");
		assertThat(attachment.size()).isEqualTo(PDF.length);
		assertThat(attachment.sha256()).hasSize(64);
		assertThat(attachment.uploadedBy()).isEqualTo(this.handler.toActor().label());

		StaffPrincipal officer = TestAccounts.signedIn(this.accounts, this.userDetailsService, Role.COMPLIANCE_OFFICER);
		String page = html(this.mvc.get()
			.uri("/staff/requests/" + request.getId())
			.with(user(officer))
			.header("Accept-Language", "en")
			.exchange());
		assertThat(page).contains("Attachments", "brev från Åsa &quot;x&quot;.pdf", "application/pdf",
				"/staff/requests/" + request.getId() + "/attachments/" + attachment.id());
		// A compliance officer sees the list but no upload form.
		assertThat(page).doesNotContain("id=\"attachment-form\"");

		MvcTestResult download = this.mvc.get()
			.uri("/staff/requests/" + request.getId() + "/attachments/" + attachment.id())
			.with(user(officer))
			.exchange();
		assertThat(download).hasStatusOk();
		assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(PDF);
		assertThat(download.getResponse().getContentType()).isEqualTo("application/pdf");
		assertThat(download.getResponse().getHeader("Content-Disposition")).isEqualTo(
				"attachment; filename=\"brev fr_n _sa _x_.pdf\"; filename*=UTF-8''brev%20fr%C3%A5n%20%C3%85sa%20%22x%22.pdf");
		assertThat(download.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(download.getResponse().getHeader("Cache-Control")).contains("no-store");

		List<String> details = this.jdbc.queryForList(
				"select action || ' ' || details from audit_event where target_type = 'REQUEST' and target_id = ?"
						+ " and action like 'ATTACHMENT%' order by id",
				String.class, request.getId().toString());
		assertThat(details).containsExactly(
				"ATTACHMENT_ADDED " + request.getReference() + ": attachment " + attachment.id(),
				"ATTACHMENT_DOWNLOADED " + request.getReference() + ": attachment " + attachment.id());
	}

	@Test
	void anAttachmentOfAnotherRequestIsNotFound() {
		DsrRequest first = registered();
		DsrRequest second = registered();
		long id = this.attachments.add(first.getId(), "letter.txt", "hello".getBytes(StandardCharsets.UTF_8),
				Actor.SYSTEM);
		assertThat(this.mvc.get()
			.uri("/staff/requests/" + second.getId() + "/attachments/" + id)
			.with(user(this.handler))
			.exchange()).hasStatus(404);
		assertThat(this.mvc.get()
			.uri("/staff/requests/" + first.getId() + "/attachments/987654321")
			.with(user(this.handler))
			.exchange()).hasStatus(404);
		assertThat(this.mvc.get()
			.uri("/staff/requests/" + first.getId() + "/attachments/" + id)
			.with(user(this.handler))
			.exchange()).hasStatusOk();
	}

	@Test
	void aComplianceOfficerCannotUploadAndAnonymousVisitorsAreSentToSignIn() {
		DsrRequest request = registered();
		StaffPrincipal officer = TestAccounts.signedIn(this.accounts, this.userDetailsService, Role.COMPLIANCE_OFFICER);
		assertThat(upload(request, officer, "letter.pdf", PDF)).hasStatus(403);
		long id = this.attachments.add(request.getId(), "letter.pdf", PDF, Actor.SYSTEM);
		MvcTestResult anonymousGet = this.mvc.get()
			.uri("/staff/requests/" + request.getId() + "/attachments/" + id)
			.exchange();
		assertThat(anonymousGet.getResponse().getRedirectedUrl()).endsWith("/login");
		MvcTestResult anonymousPost = this.mvc.post()
			.uri("/staff/requests/" + request.getId() + "/attachments")
			.multipart()
			.file(new MockMultipartFile("file", "letter.pdf", "application/pdf", PDF))
			.with(csrf())
			.exchange();
		assertThat(anonymousPost.getResponse().getRedirectedUrl()).endsWith("/login");
		assertThat(this.attachments.list(request.getId())).hasSize(1);
	}

	@Test
	void refusedFilesComeBackWithATranslatedMessageAndNothingIsStored() {
		DsrRequest request = registered();
		assertThat(refusal(upload(request, this.handler, "script.html", "<script>".getBytes(StandardCharsets.UTF_8))))
			.isEqualTo("attachments.error.type");
		// A PDF name on something that is not a PDF is refused too.
		assertThat(refusal(upload(request, this.handler, "fake.pdf", "MZ not a pdf".getBytes(StandardCharsets.UTF_8))))
			.isEqualTo("attachments.error.type");
		assertThat(refusal(upload(request, this.handler, "empty.txt", new byte[0])))
			.isEqualTo("attachments.error.empty");
		byte[] tooLarge = new byte[(int) DataSize.ofMegabytes(10).toBytes() + 1];
		assertThat(refusal(upload(request, this.handler, "big.txt", tooLarge))).isEqualTo("attachments.error.tooLarge");
		assertThat(this.attachments.list(request.getId())).isEmpty();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where target_id = ? and action = 'ATTACHMENT_ADDED'", Long.class,
				request.getId().toString()))
			.isZero();

		// The page shows the message next to the file field, tied to it, in Swedish.
		String email = TestAccounts.create(this.accounts, Role.CASE_HANDLER);
		HttpVisitor visitor = new HttpVisitor(this.port, "sv");
		visitor.signIn(email, TestAccounts.PASSWORD);
		String pagePath = "/staff/requests/" + request.getId();
		assertThat(visitor.upload(pagePath, pagePath + "/attachments", "file", "big.txt", tooLarge).statusCode())
			.isEqualTo(302);
		String page = visitor.get(pagePath).body();
		assertThat(page).contains("Filen är för stor: högst 10 MB.", "id=\"attachment-file-error\"")
			.containsPattern("aria-describedby=\"attachment-file-error attachment-file-hint\"");
	}

	@Test
	void theSizeLimitIsASetting() {
		DsrRequest request = registered();
		RequestAttachments tiny = new RequestAttachments(this.jdbcClient, this.requests, this.audit, this.clock,
				DataSize.ofBytes(10));
		assertThatThrownBy(() -> tiny.add(request.getId(), "eleven.txt", "12345678901".getBytes(StandardCharsets.UTF_8),
				Actor.SYSTEM))
			.isInstanceOfSatisfying(AttachmentRefusedException.class,
					(ex) -> assertThat(ex.messageCode()).isEqualTo("attachments.error.tooLarge"));
		assertThat(tiny.add(request.getId(), "ten.txt", "1234567890".getBytes(StandardCharsets.UTF_8), Actor.SYSTEM))
			.isPositive();
	}

	@Test
	void aClosedRequestTakesNoMoreFilesButKeepsItsList() {
		DsrRequest request = registered();
		long id = this.attachments.add(request.getId(), "letter.pdf", PDF, Actor.SYSTEM);
		this.requests.withdraw(request.getId(), null, Actor.SYSTEM);
		assertThat(refusal(upload(request, this.handler, "more.pdf", PDF))).isEqualTo("attachments.error.closed");
		String page = html(this.mvc.get()
			.uri("/staff/requests/" + request.getId())
			.with(user(this.handler))
			.header("Accept-Language", "en")
			.exchange());
		assertThat(page).doesNotContain("id=\"attachment-form\"")
			.contains("/attachments/" + id, "no more files can be attached");
	}

	@Test
	void anUploadOverTheServletLimitGoesBackToThePageWithTheMessage() {
		DsrRequest request = registered();
		String email = TestAccounts.create(this.accounts, Role.CASE_HANDLER);
		HttpVisitor visitor = new HttpVisitor(this.port, "en");
		visitor.signIn(email, TestAccounts.PASSWORD);
		String pagePath = "/staff/requests/" + request.getId();
		HttpResponse<String> response = visitor.upload(pagePath, pagePath + "/attachments", "file", "big.txt",
				new byte[(int) DataSize.ofMegabytes(11).toBytes()]);
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith(pagePath + "#attachments");
		assertThat(visitor.get(pagePath).body()).contains("The file is too large: at most 10 MB.");
		assertThat(this.attachments.list(request.getId())).isEmpty();
	}

	@Test
	void fileNamesAreNormalised() {
		assertThat(RequestAttachments.normalisedName("../../etc/passwd")).isEqualTo("passwd");
		assertThat(RequestAttachments.normalisedName("a\u202Egpj.exe")).isEqualTo("agpj.exe");
		assertThat(RequestAttachments.normalisedName("  ")).isEqualTo("attachment");
		String longName = "x".repeat(400) + ".pdf";
		assertThat(RequestAttachments.normalisedName(longName)).hasSize(255).endsWith(".pdf");
	}

	@Test
	void anIdentityDocumentIsFlaggedAndThePageAsksToDeleteItOnceTheIdentityIsRecorded() {
		DsrRequest request = registered();
		assertThat(this.mvc.post()
			.uri("/staff/requests/" + request.getId() + "/attachments")
			.multipart()
			.file(new MockMultipartFile("file", "passport.pdf", "application/pdf", PDF))
			.param("identityDocument", "true")
			.with(user(this.handler))
			.with(csrf())
			.exchange()).hasStatus3xxRedirection();
		assertThat(this.attachments.list(request.getId())).singleElement()
			.satisfies((attachment) -> assertThat(attachment.identityDocument()).isTrue());
		assertThat(page(request, "en")).doesNotContain("id=\"identity-document-prompt\"");

		this.requests.startWork(request.getId(), null, Actor.SYSTEM);
		this.requests.verifyIdentity(request.getId(), null, IdentityMethod.ID_DOCUMENT, null, Actor.SYSTEM);
		assertThat(page(request, "en")).contains("id=\"identity-document-prompt\"",
				"The identity is recorded: delete the copy of the identity document");
		assertThat(page(request, "sv")).contains("Identiteten är registrerad: radera kopian av id-handlingen");
	}

	@Test
	void aCaseHandlerDeletesAnAttachmentWithAReasonAndTheDeletionIsAudited() {
		DsrRequest request = registered();
		long id = this.attachments.add(request.getId(), "passport-åsa.pdf", PDF, true, Actor.SYSTEM);
		this.requests.withdraw(request.getId(), null, Actor.SYSTEM);
		StaffPrincipal officer = TestAccounts.signedIn(this.accounts, this.userDetailsService, Role.COMPLIANCE_OFFICER);
		assertThat(delete(request, id, officer, "IDENTITY_RECORDED")).hasStatus(403);
		assertThat(delete(request, id, this.handler, null)).hasStatus3xxRedirection()
			.flash()
			.containsEntry("failure", "attachments.delete.reasonRequired");
		assertThat(this.attachments.list(request.getId())).hasSize(1);

		assertThat(delete(request, id, this.handler, "IDENTITY_RECORDED")).hasStatus3xxRedirection()
			.flash()
			.containsEntry("success", "attachments.done.deleted");
		assertThat(this.attachments.list(request.getId())).isEmpty();
		assertThat(this.jdbc.queryForList(
				"select details from audit_event where request_id = ?" + " and action = 'ATTACHMENT_DELETED'",
				String.class, request.getId()))
			.singleElement()
			.satisfies(
					(details) -> assertThat(details).endsWith("attachment " + id + " deleted, reason IDENTITY_RECORDED")
						.doesNotContain("passport"));
		assertThat(delete(request, id, this.handler, "IDENTITY_RECORDED")).hasStatus(404);
	}

	private MvcTestResult delete(DsrRequest request, long attachmentId, StaffPrincipal who, String reason) {
		var post = this.mvc.post()
			.uri("/staff/requests/" + request.getId() + "/attachments/" + attachmentId + "/delete")
			.with(user(who))
			.with(csrf());
		return (reason != null) ? post.param("reason", reason).exchange() : post.exchange();
	}

	private String page(DsrRequest request, String language) {
		return html(this.mvc.get()
			.uri("/staff/requests/" + request.getId())
			.with(user(this.handler))
			.header("Accept-Language", language)
			.exchange());
	}

	private MvcTestResult upload(DsrRequest request, StaffPrincipal who, String name, byte[] content) {
		return this.mvc.post()
			.uri("/staff/requests/" + request.getId() + "/attachments")
			.multipart()
			.file(new MockMultipartFile("file", name, "application/octet-stream", content))
			.with(user(who))
			.with(csrf())
			.header("Accept-Language", "en")
			.exchange();
	}

	private static String refusal(MvcTestResult result) {
		assertThat(result).hasStatus3xxRedirection();
		return (String) result.getMvcResult().getFlashMap().get(RequestAttachmentController.ERROR);
	}

	private DsrRequest registered() {
		DsrRequest request = this.requests
			.register(new NewRequest("Åsa Öberg", "person-" + UUID.randomUUID() + "@example.com", null, "sv",
					RequestType.ACCESS, Channel.EMAIL, "Please help.", null), Actor.SYSTEM);
		this.opened.add(request.getId());
		return request;
	}

	private static String html(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

}
