package se.dsrdesk.system.web;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.context.request.ServletWebRequest;

import se.dsrdesk.system.ConcurrentChangeException;
import se.dsrdesk.system.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused action that the page's controller did not put on its form: a missing record
 * gets the not-found page, a refused post goes back to its page with the message, and
 * anything else gets the error page with the refusal's status and translated message.
 */
class PageExceptionHandlerTest {

	private final MockMvcTester mvc = MockMvcTester.create(MockMvcBuilders.standaloneSetup(new RefusingController())
		.setControllerAdvice(new PageExceptionHandler())
		.build());

	@Test
	void aMissingRecordGetsTheNotFoundPage() {
		assertThat(this.mvc.get().uri("/missing")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aRefusedPostGoesBackToItsPageWithTheMessage() {
		assertThat(this.mvc.post().uri("/conflict").header("Referer", "http://localhost/staff/tasks/7?tab=a"))
			.hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/staff/tasks/7?tab=a")
			.flash()
			.containsEntry("failure", "task.closed");
	}

	@Test
	void aRefusedPostFromAnotherSiteGetsTheErrorPageInstead() {
		assertThat(this.mvc.post().uri("/conflict").header("Referer", "http://elsewhere.example/staff/tasks/7"))
			.hasStatus(HttpStatus.CONFLICT);
	}

	@Test
	void aRefusedPostWithoutReferrerGetsTheErrorPageWithTheRefusalsStatus() {
		assertThat(this.mvc.post().uri("/conflict")).hasStatus(HttpStatus.CONFLICT);
	}

	@Test
	void aRollbackThatFailedOnTheLostConnectionGetsTheUnavailablePage() {
		// What a PostgreSQL restart in the middle of a form's transaction threw: the
		// insert
		// failed, then the rollback on the closed connection, and Spring reported that.
		assertThat(this.mvc.post().uri("/rollback-failed")).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.headers()
			.hasValue("Retry-After", "30");
	}

	@Test
	void anotherUnclassifiedDatabaseFailureStaysAnError() {
		assertThat(this.mvc.post().uri("/uncategorized")).hasFailed();
	}

	@Test
	void theErrorPageSaysWhyInTheReadersLanguage() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		PageExceptionHandler.RefusalErrorAttributes attributes = new PageExceptionHandler.RefusalErrorAttributes(
				messages);
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/conflict");
		attributes.resolveException(request, new MockHttpServletResponse(), null,
				new ConcurrentChangeException("task-closed", "task.closed"));
		LocaleContextHolder.setLocale(Locale.forLanguageTag("sv"));
		try {
			Map<String, Object> model = attributes.getErrorAttributes(new ServletWebRequest(request),
					ErrorAttributeOptions.defaults());
			assertThat(model).containsEntry("refusal", "Åtgärden är redan klar.");
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

	@Controller
	static class RefusingController {

		@GetMapping("/missing")
		String missing() {
			throw new NotFoundException("Request");
		}

		@PostMapping("/conflict")
		String conflict() {
			throw new ConcurrentChangeException("task-closed", "task.closed");
		}

		@PostMapping("/rollback-failed")
		String rollbackFailed() {
			throw new JpaSystemException(new IllegalStateException("Unable to rollback against JDBC Connection",
					new SQLException("Connection is closed")));
		}

		@PostMapping("/uncategorized")
		String uncategorized() {
			throw new JpaSystemException(
					new IllegalStateException("Something else", new SQLException("syntax", "42601")));
		}

	}

}
