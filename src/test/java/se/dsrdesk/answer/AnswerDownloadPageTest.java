package se.dsrdesk.answer;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import se.dsrdesk.request.StatusLinks;
import se.dsrdesk.support.WebSliceTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.mockito.ArgumentMatchers.anyString;

/**
 * The person's download of their access extract: no sign-in and no session, the file as
 * an attachment that is not cached, and a page that says what to do when the link is
 * unknown (404) or has expired (410). The link's page lists the package's files; only
 * safe file names are looked up.
 */
@WebSliceTest(AnswerDownloadController.class)
class AnswerDownloadPageTest {

	static final String LINK = "/request/download/s3cr3t-link/";

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	AnswerDownloads downloads;

	@MockitoBean
	AnswerDownloadRateLimit limit;

	@MockitoBean
	StatusLinks statusLinks;

	@Test
	void sendsTheFileToAnyoneWithTheLink() {
		given(this.downloads.open("s3cr3t-link", AnswerDownloads.PDF)).willReturn(new AnswerDownloads.Download(
				AnswerDownloads.Download.Status.OK, "DSR-2026-000042.pdf", "application/pdf", "%PDF-1.7".getBytes()));
		MvcTestResult file = this.mvc.get().uri(LINK + "extract.pdf").exchange();
		assertThat(file).hasStatusOk().hasContentType("application/pdf");
		assertThat(file).headers()
			.hasValue("Content-Disposition", "attachment; filename=\"DSR-2026-000042.pdf\"")
			.hasValue("Cache-Control", "no-store");
		assertThat(file).body().asString().isEqualTo("%PDF-1.7");
		assertThat(file.getRequest().getSession(false)).isNull();
	}

	@Test
	void anUnknownLinkSaysToCheckTheAddress() {
		given(this.downloads.open("s3cr3t-link", AnswerDownloads.JSON))
			.willReturn(new AnswerDownloads.Download(AnswerDownloads.Download.Status.UNKNOWN, null, null, null));
		MvcTestResult page = this.mvc.get().uri(LINK + "extract.json").header("Accept-Language", "en").exchange();
		assertThat(page).hasStatus(404).hasViewName(AnswerDownloadController.GONE_VIEW);
		assertThat(page).bodyText().contains("We do not recognise this link");
		assertThat(page).headers().hasValue("Cache-Control", "no-store");
	}

	@Test
	void anExpiredLinkSaysTheFilesWereDeleted() {
		given(this.downloads.open("s3cr3t-link", AnswerDownloads.PDF))
			.willReturn(new AnswerDownloads.Download(AnswerDownloads.Download.Status.GONE, null, null, null));
		MvcTestResult page = this.mvc.get().uri(LINK + "extract.pdf").header("Accept-Language", "sv").exchange();
		assertThat(page).hasStatus(410).hasViewName(AnswerDownloadController.GONE_VIEW);
		assertThat(page).bodyText().contains("Länken fungerar inte längre");
	}

	@Test
	void aClientOverItsHourlyDownloadsIsAnswered429WithoutOpeningTheLink() {
		given(this.limit.consume(anyString())).willReturn(120L);
		MvcTestResult page = this.mvc.get().uri(LINK + "extract.pdf").header("Accept-Language", "en").exchange();
		assertThat(page).hasStatus(429);
		assertThat(page).headers().hasValue("Retry-After", "120").hasValue("Cache-Control", "no-store");
		assertThat(page).bodyText().contains("Too many downloads");
		then(this.downloads).should(never()).open(anyString(), anyString());
		assertThat(this.mvc.get().uri(LINK + "extract.pdf").header("Accept-Language", "sv").exchange()).bodyText()
			.contains("För många nedladdningar");
	}

	@Test
	void onlySafeFileNamesAreLookedUp() {
		assertThat(this.mvc.get().uri(LINK + ".hidden")).hasStatus4xxClientError();
		assertThat(this.mvc.get().uri(LINK + "a file.txt")).hasStatus4xxClientError();
		then(this.downloads).should(never()).open(anyString(), anyString());
	}

	@Test
	void theLinksPageListsEveryFileOfThePackage() {
		given(this.downloads.list("s3cr3t-link"))
			.willReturn(new AnswerDownloads.Listing(AnswerDownloads.Download.Status.OK,
					java.util.List.of(
							new AnswerDownloads.Listing.Entry(AnswerDownloads.PDF, "application/pdf", 20_480, true),
							new AnswerDownloads.Listing.Entry("12-mail.eml", "message/rfc822", 900, false),
							new AnswerDownloads.Listing.Entry(AnswerDownloads.ZIP, "application/zip", 30_000, true)),
					java.time.LocalDate.of(2026, 4, 2)));
		MvcTestResult page = this.mvc.get().uri(LINK).header("Accept-Language", "en").exchange();
		assertThat(page).hasStatusOk().hasViewName(AnswerDownloadController.LIST_VIEW);
		assertThat(page).headers().hasValue("Cache-Control", "no-store");
		assertThat(page).bodyText()
			.contains("Your files", "The extract as PDF", "Original file: 12-mail.eml", "All files in one ZIP archive");
		assertThat(page).body()
			.asString()
			.contains("href=\"/request/download/s3cr3t-link/extract.pdf\"",
					"href=\"/request/download/s3cr3t-link/12-mail.eml\"",
					"href=\"/request/download/s3cr3t-link/package.zip\"");
	}

	@Test
	void anExpiredLinksPageSaysTheFilesWereDeleted() {
		given(this.downloads.list("s3cr3t-link"))
			.willReturn(new AnswerDownloads.Listing(AnswerDownloads.Download.Status.GONE, java.util.List.of(), null));
		MvcTestResult page = this.mvc.get().uri(LINK).header("Accept-Language", "en").exchange();
		assertThat(page).hasStatus(410).hasViewName(AnswerDownloadController.GONE_VIEW);
	}

	@Test
	void theStatusLinkOpensTheSameFilesAndAnUnknownOneOpensNothing() {
		given(this.statusLinks.requestOf("DSR-2026-000042", "status-secret")).willReturn(java.util.Optional.of(42L));
		given(this.downloads.openForRequest(42L, AnswerDownloads.PDF)).willReturn(new AnswerDownloads.Download(
				AnswerDownloads.Download.Status.OK, AnswerDownloads.PDF, "application/pdf", "%PDF-1.7".getBytes()));
		MvcTestResult file = this.mvc.get()
			.uri("/request/status/DSR-2026-000042/status-secret/files/extract.pdf")
			.exchange();
		assertThat(file).hasStatusOk().hasContentType("application/pdf");
		assertThat(file).headers()
			.hasValue("Content-Disposition", "attachment; filename=\"extract.pdf\"")
			.hasValue("Cache-Control", "no-store");
		assertThat(file.getRequest().getSession(false)).isNull();

		MvcTestResult unknown = this.mvc.get()
			.uri("/request/status/DSR-2026-000042/wrong-secret/files/extract.pdf")
			.header("Accept-Language", "en")
			.exchange();
		assertThat(unknown).hasStatus(404).hasViewName(AnswerDownloadController.GONE_VIEW);
	}

}
