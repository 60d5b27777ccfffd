package se.dsrdesk.system.api;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import se.dsrdesk.system.ApiController;
import se.dsrdesk.system.ApiProblems;
import se.dsrdesk.system.ConcurrentChangeException;
import se.dsrdesk.system.InvalidInputException;
import se.dsrdesk.system.NotFoundException;
import se.dsrdesk.system.RefusedException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refused action answered as the API's problem details: the refusal's status, its
 * kind as the type, its texts from the bundles, refused fields as errors.
 */
class ApiExceptionHandlerTest {

	private final MockMvcTester mvc = MockMvcTester.create(MockMvcBuilders.standaloneSetup(new RefusingApi())
		.setControllerAdvice(new ApiExceptionHandler(new ApiProblems(messages())))
		.build());

	@Test
	void aMissingRecordIsNotFound() {
		assertThat(this.mvc.get().uri("/api/v1/missing")).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo(ApiProblems.TYPE_PREFIX + "not-found");
	}

	@Test
	void aChangeBySomeoneElseIsAConflictOfItsKind() {
		assertThat(this.mvc.post().uri("/api/v1/closed")).hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.type").isEqualTo(ApiProblems.TYPE_PREFIX + "task-closed");
				assertThat(json).extractingPath("$.title").isEqualTo("The task is closed");
			});
	}

	@Test
	void aLostOptimisticLockIsTheSameConflictAsARefusedChange() {
		assertThat(this.mvc.post().uri("/api/v1/raced")).hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo(ApiProblems.TYPE_PREFIX + ConcurrentChangeException.CHANGED_MEANWHILE);
	}

	@Test
	void refusedInputNamesTheFieldsWithTheirMessages() {
		assertThat(this.mvc.post().uri("/api/v1/invalid")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.type").isEqualTo(ApiProblems.TYPE_PREFIX + ApiProblems.INVALID);
				assertThat(json).extractingPath("$.errors[0].field").isEqualTo("after");
				assertThat(json).extractingPath("$.errors[0].message").asString().isNotBlank();
			});
	}

	@Test
	void aRefusalWithoutAKindOfItsOwnTellsThePagesMessage() {
		assertThat(this.mvc.post().uri("/api/v1/refused")).hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.type").isEqualTo(ApiProblems.TYPE_PREFIX + ApiProblems.REFUSED);
				assertThat(json).extractingPath("$.detail").isEqualTo("This task is already done.");
			});
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	@ApiController
	static class RefusingApi {

		@GetMapping("/api/v1/missing")
		String missing() {
			throw new NotFoundException("Request");
		}

		@PostMapping("/api/v1/closed")
		String closed() {
			throw new ConcurrentChangeException("task-closed", "task.closed");
		}

		@PostMapping("/api/v1/raced")
		String raced() {
			throw new ObjectOptimisticLockingFailureException(Object.class, 1L);
		}

		@PostMapping("/api/v1/invalid")
		String invalid() {
			throw new InvalidInputException("after", "validation.invalid");
		}

		@PostMapping("/api/v1/refused")
		String refused() {
			throw new RefusedException(HttpStatus.CONFLICT, null, "task.closed");
		}

	}

}
