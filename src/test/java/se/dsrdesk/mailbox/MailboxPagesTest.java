package se.dsrdesk.mailbox;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.location.DataLocation;
import se.dsrdesk.location.LocalizedText;
import se.dsrdesk.location.LocationService;
import se.dsrdesk.location.connector.ConnectorException;
import se.dsrdesk.mailbox.MailboxProperties.DeleteMode;
import se.dsrdesk.mailbox.MailboxProperties.Mailbox;
import se.dsrdesk.mailbox.MailboxProperties.Tls;
import se.dsrdesk.support.WebSliceTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A mailbox location's pages: the yearly review lists what to look at (or the server's
 * failure as its message), deletes only after the owner confirms having looked, and is
 * refused to anyone but the owner or an admin; the connection test is for admins and
 * shows the result or the failure on the location's page.
 */
@WebSliceTest(MailboxController.class)
class MailboxPagesTest {

	static final StaffPrincipal ADMIN = TestAccounts.principal(1, Role.ADMIN);

	static final StaffPrincipal HANDLER = TestAccounts.principal(2, Role.CASE_HANDLER);

	static final Mailbox SUPPORT = new Mailbox("support", "imap.example.se", 993, Tls.IMPLICIT, false,
			"support@example.se", "x", null, List.of(), "Trash", 4L, DeleteMode.EXPUNGE, 50, Duration.ofSeconds(1),
			Duration.ofSeconds(1));

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	LocationService locations;

	@MockitoBean
	MailboxConnector connector;

	@MockitoBean
	MailboxReview review;

	@MockitoBean
	KeptMails kept;

	DataLocation location = mock(DataLocation.class);

	@BeforeEach
	void mailboxLocation() {
		given(this.location.getId()).willReturn(4L);
		given(this.location.getName()).willReturn(new LocalizedText("E-post", "Email conversations"));
		given(this.locations.get(4L)).willReturn(this.location);
		given(this.connector.mailboxesOf(this.location)).willReturn(List.of(SUPPORT));
	}

	@Test
	void theReviewListsOldMailsWithWhatTheyMention() {
		given(this.review.list(this.location)).willReturn(new MailboxReview.Listing(LocalDate.of(2025, 6, 1), 12,
				List.of(new MailboxReview.Row("support:1:7:INBOX", "support", "INBOX", LocalDate.of(2024, 1, 1),
						"Kollega <k@example.se>", "Gammal med pnr",
						EnumSet.of(PersonalData.Kind.PERSONNUMMER, PersonalData.Kind.PHONE), "<1@example.se>")),
				3, false));

		MvcTestResult page = this.mvc.get()
			.uri("/staff/locations/4/mailboxes/review")
			.with(user(ADMIN))
			.header("Accept-Language", "en")
			.exchange();

		assertThat(page).hasStatusOk()
			.bodyText()
			.contains("Gammal med pnr", "personal identity number, ", "phone number",
					"Listed: 1; left out (open request or kept): 3.", "value=\"support:1:7:INBOX\"", "12 months");
	}

	@Test
	void aFailureOfTheServerIsThePagesMessage() {
		given(this.review.list(this.location))
			.willThrow(new ConnectorException("mailbox.failure.authentication", "support"));

		assertThat(this.mvc.get()
			.uri("/staff/locations/4/mailboxes/review")
			.with(user(ADMIN))
			.header("Accept-Language", "sv")
			.exchange()).hasStatusOk().bodyText().contains("E-postservern nekade inloggningen till support");
	}

	@Test
	void onlyTheOwnerOrAnAdminReviews() {
		willThrow(new AccessDeniedException("no")).given(this.review).checkMayReview(eq(this.location), any());

		assertThat(this.mvc.get().uri("/staff/locations/4/mailboxes/review").with(user(HANDLER))).hasStatus(403);
		assertThat(this.mvc.post()
			.uri("/staff/locations/4/mailboxes/review")
			.param("hit", "support:1:7:INBOX")
			.param("confirmed", "true")
			.with(user(HANDLER))
			.with(csrf())).hasStatus(403);
		then(this.review).should(never()).delete(any(), anyList(), anyInt(), anyInt(), any());
	}

	@Test
	void deletesOnlyAfterTheOwnerConfirmsHavingLooked() {
		assertThat(this.mvc.post()
			.uri("/staff/locations/4/mailboxes/review")
			.param("hit", "support:1:7:INBOX")
			.with(user(ADMIN))
			.with(csrf())).hasRedirectedUrl("/staff/locations/4/mailboxes/review")
			.flash()
			.containsEntry("failure", "mailbox.review.mustConfirm");
		then(this.review).should(never()).delete(any(), anyList(), anyInt(), anyInt(), any());

		given(this.review.delete(eq(this.location), eq(List.of("support:1:7:INBOX")), eq(1), eq(3), any()))
			.willReturn(new MailboxReview.Outcome(1, 0, 1));
		assertThat(this.mvc.post()
			.uri("/staff/locations/4/mailboxes/review")
			.param("hit", "support:1:7:INBOX")
			.param("listed", "1")
			.param("excluded", "3")
			.param("confirmed", "true")
			.with(user(ADMIN))
			.with(csrf())).hasRedirectedUrl("/staff/locations/4")
			.flash()
			.containsEntry("success", "mailbox.review.done");
	}

	@Test
	void theConnectionTestIsForAdminsAndSaysWhatFailed() {
		given(this.connector.check(SUPPORT)).willThrow(new ConnectorException("mailbox.failure.tls", "support"));

		assertThat(this.mvc.post().uri("/staff/locations/4/mailboxes/test").with(user(HANDLER)).with(csrf()))
			.hasStatus(403);
		assertThat(this.mvc.post().uri("/staff/locations/4/mailboxes/test").with(user(ADMIN)).with(csrf()))
			.hasRedirectedUrl("/staff/locations/4")
			.flash()
			.containsEntry("failure", "mailbox.failure.tls");
	}

}
