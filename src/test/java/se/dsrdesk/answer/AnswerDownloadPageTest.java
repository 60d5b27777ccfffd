package se.dsrdesk.answer;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import se.dsrdesk.support.WebSliceTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.mockito.ArgumentMatchers.anyString;

/**
 * The person's download of their access extract: no sign-in and no session, the file as
 * an attachment that is not cached, and a page that says what to do when the link is
 * unknown (404) or has expired (410). Only the two file names exist.
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
	void onlyTheExtractsFilesExist() {
		assertThat(this.mvc.get().uri(LINK + "other.txt")).hasStatus(404);
		then(this.downloads).should(never()).open(anyString(), anyString());
	}

}
