package se.dsrdesk.answer;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.system.ApiController;
import se.dsrdesk.system.NotFoundException;
import se.dsrdesk.system.PlainText;
import se.dsrdesk.system.RefusedException;

/**
 * The answer package prepared through the API, as "Prepare the package for sending" on
 * the answer page ({@link AnswerBuildController}): a client queues a build of the letter
 * it will send, follows its progress, and then sends the same letter with {@code POST
 * /api/v1/requests/{reference}/answer}, which takes the build's files
 * ({@link AnswerDownloads#preparedDownload}, the one rule of which build a send takes).
 * Without it, a package larger than {@code dsr.answer.build.inline-limit} could not be
 * sent through the API at all (409 {@code package-not-prepared}). Case handlers only, as
 * the page.
 */
@ApiController
@PreAuthorize("hasRole('CASE_HANDLER')")
@RequestMapping("/api/v1/requests/{reference}/answer/package")
@Tag(name = "Requests")
class AnswerBuildApiController {

	private final AnswerBuilds builds;

	private final AnswerDownloads downloads;

	private final RequestService requests;

	AnswerBuildApiController(AnswerBuilds builds, AnswerDownloads downloads, RequestService requests) {
		this.builds = builds;
		this.downloads = downloads;
		this.requests = requests;
	}

	@PostMapping
	@Operation(summary = "Prepare the answer package for sending, in the background",
			description = "For an access or portability answer by mail: queues a build of the package (the PDF, the data "
					+ "files, the originals and the ZIP) for the letter in text, and answers 202 at once with the build "
					+ "and its address in Location. Follow it with GET until status is READY, then send the same text "
					+ "with POST …/answer: it takes the prepared files. A package larger than "
					+ "dsr.answer.build.inline-limit can be sent only so (409 package-not-prepared otherwise). "
					+ "While another build of the request waits or runs: 409 package-build-running, whose buildId "
					+ "names that build. Another request type, or a person answered by post: 409 package-not-needed.")
	ResponseEntity<BuildJson> prepare(@PathVariable String reference, @Valid @RequestBody PrepareBody body,
			@AuthenticationPrincipal StaffPrincipal me) {
		DsrRequest request = load(reference);
		if (!AnswerPackages.carriesData(request.getType()) || request.isAnsweredByPost()) {
			throw new RefusedException(HttpStatus.CONFLICT, "package-not-needed", "package.build.notNeeded");
		}
		long id = this.builds.queue(request.getId(), body.text(), PlainText.blankToNull(body.lateReason()),
				Boolean.TRUE.equals(body.confirmRefusalWording()), me.toActor());
		AnswerBuilds.Build build = this.builds.get(request.getId(), id).orElseThrow();
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
		return ResponseEntity.status(HttpStatus.ACCEPTED).location(location).body(json(request, build));
	}

	@GetMapping
	@Operation(summary = "The request's newest package build: its progress, and its files once ready",
			description = "404 package-not-built when the request has none. matches tells whether sending the build's letter "
					+ "now takes its files: false once the review changed, on a later day (the PDF is dated), and "
					+ "before the build is ready.")
	BuildJson latest(@PathVariable String reference) {
		DsrRequest request = load(reference);
		return json(request, this.builds.latest(request.getId())
			.orElseThrow(() -> new RefusedException(HttpStatus.NOT_FOUND, "package-not-built", "package.build.none")));
	}

	@GetMapping("/{buildId}")
	@Operation(summary = "A package build: its progress, and its files once ready",
			description = "404 not-found for a build that is not this request's.")
	BuildJson show(@PathVariable String reference, @PathVariable long buildId) {
		DsrRequest request = load(reference);
		return json(request,
				this.builds.get(request.getId(), buildId).orElseThrow(() -> new NotFoundException("Package build")));
	}

	private DsrRequest load(String reference) {
		return this.requests.byReference(reference);
	}

	private BuildJson json(DsrRequest request, AnswerBuilds.Build build) {
		List<FileJson> files = (build.downloadId() != null && build.status() == AnswerBuilds.Build.Status.READY)
				? this.downloads.files(build.downloadId())
					.stream()
					.map((f) -> new FileJson(f.name(), f.contentType(), f.size()))
					.toList()
				: List.of();
		String failure = (build.failure() != null) ? build.failure().substring(build.failure().lastIndexOf('.') + 1)
				: null;
		return new BuildJson(build.id(), build.status(), build.step(), build.stepDone(), build.stepTotal(),
				build.percent(), build.attempts(), failure, build.createdAt(), build.finishedAt(),
				this.downloads.stillSendable(request, build), files);
	}

	/**
	 * The letter the package is prepared for: the body of the send call.
	 *
	 * @param text the letter as it will be sent, masked passages between {@code [[} and
	 * {@code ]]}
	 * @param lateReason why the answer is late, kept with the build as on the page
	 * @param confirmRefusalWording kept with the build as on the page
	 */
	record PrepareBody(
			@NotBlank(message = "{answer.text.required}") @Size(max = AnswerBuildController.MAX_LETTER,
					message = "{validation.tooLong}") String text,
			@Size(max = 2000, message = "{validation.tooLong}") String lateReason, Boolean confirmRefusalWording) {
	}

	/**
	 * A package build.
	 *
	 * @param id its id
	 * @param status where it stands
	 * @param step the step it is at, {@code null} while it waits
	 * @param stepDone how many items of the step are done
	 * @param stepTotal how many the step has
	 * @param percent how far overall
	 * @param attempts how many times it was started
	 * @param failure why it failed
	 * @param createdAt when it was queued
	 * @param finishedAt when it became ready or failed
	 * @param matches whether sending its letter now takes its files
	 * @param files its files, once ready
	 */
	record BuildJson(long id, AnswerBuilds.Build.Status status,
			@Schema(description = "pdf, data, files, zip, store, ready; null while it waits") String step, int stepDone,
			int stepTotal, int percent, int attempts,
			@Schema(description = "When FAILED: failed (three attempts failed), unchecked (an included file that "
					+ "cannot be masked is not checked) or refused (the answer cannot be sent yet)") String failure,
			Instant createdAt, Instant finishedAt,
			@Schema(description = "Whether POST …/answer with this build's letter now sends its files: the build is "
					+ "READY and the review, the letter and the day are unchanged") boolean matches,
			List<FileJson> files) {
	}

	/**
	 * A file of a ready package.
	 *
	 * @param name its name, as in the answer's download
	 * @param contentType its type
	 * @param size its size in bytes
	 */
	record FileJson(String name, String contentType, long size) {
	}

}
