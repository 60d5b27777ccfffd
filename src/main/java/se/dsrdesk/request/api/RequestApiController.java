package se.dsrdesk.request.api;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.StaffUser;
import se.dsrdesk.account.StaffUserRepository;
import se.dsrdesk.request.api.RequestJson.AssigneeJson;
import se.dsrdesk.request.api.RequestJson.CorrespondenceSummary;
import se.dsrdesk.request.api.RequestJson.DelayJson;
import se.dsrdesk.request.api.RequestJson.ExtensionJson;
import se.dsrdesk.request.api.RequestJson.MailJson;
import se.dsrdesk.request.api.RequestJson.PauseJson;
import se.dsrdesk.request.api.RequestJson.RequestDetails;
import se.dsrdesk.request.api.RequestJson.RequestPage;
import se.dsrdesk.request.api.RequestJson.RequestSummary;
import se.dsrdesk.request.api.RequestJson.TaskJson;
import se.dsrdesk.system.ApiController;
import se.dsrdesk.system.ControllerIdentity;
import se.dsrdesk.system.EmailAddresses;
import se.dsrdesk.system.InvalidInputException;
import se.dsrdesk.system.RefusedException.Invalid;
import se.dsrdesk.system.PlainText;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DataSubject;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.representative.Representative;
import se.dsrdesk.request.rules.ReceiptDate;
import se.dsrdesk.request.refusal.RefusalWording;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestStatus;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.request.inbox.InboxFilter;
import se.dsrdesk.request.inbox.InboxQuery;
import se.dsrdesk.request.casefile.RequestView;
import se.dsrdesk.request.casefile.RequestViews;

/**
 * The REST API's requests: register, list (the inbox's query, by cursor), read, and the
 * staff actions, each through the same workflow service as the pages
 * ({@link RequestService}), so the same rules apply. Reading is for case handlers and
 * compliance officers; registering and acting for case handlers, checked here and in the
 * API's URL rules. An action may carry {@code If-Match} with the version read: a change
 * by someone else meanwhile is then refused with 409.
 */
@ApiController
@PreAuthorize("hasAnyRole('CASE_HANDLER', 'COMPLIANCE_OFFICER')")
@RequestMapping("/api/v1/requests")
@Tag(name = "Requests", description = "Data-subject requests and their workflow")
class RequestApiController {

	/** How many mails the detail lists. */
	static final int LATEST_MAILS = 20;

	private static final Pattern ASSIGNEE = Pattern.compile("mine|unassigned|\\d{1,18}");

	private static final Pattern CURSOR = Pattern.compile("\\d{4}-\\d{2}-\\d{2},\\d{1,18}");

	private final RequestService requests;

	private final InboxQuery inbox;

	private final RequestViews views;

	private final StaffUserRepository staff;

	private final ControllerIdentity controller;

	private final Clock clock;

	private final RefusalWording refusalWording;

	RequestApiController(RequestService requests, InboxQuery inbox, RequestViews views, StaffUserRepository staff,
			ControllerIdentity controller, Clock clock, RefusalWording refusalWording) {
		this.refusalWording = refusalWording;
		this.requests = requests;
		this.inbox = inbox;
		this.views = views;
		this.staff = staff;
		this.controller = controller;
		this.clock = clock;
	}

	@PostMapping
	@PreAuthorize("hasRole('CASE_HANDLER')")
	@Operation(summary = "Register a request that arrived by email, letter, phone or in person",
			description = "Answers 201 with the request and its address in Location. Case handlers only. "
					+ "The acknowledgement is sent (by mail, or as a letter to post) unless acknowledge is false, "
					+ "which needs noAcknowledgementReason (400 without it).")
	ResponseEntity<RequestDetails> register(@Valid @RequestBody RequestJson.NewRequestBody body,
			@AuthenticationPrincipal StaffPrincipal me, Locale locale) {
		List<Invalid> errors = new ArrayList<>();
		if (body.channel() == Channel.WEB) {
			errors.add(new Invalid("channel", "register.channel.required"));
		}
		Instant receivedAt = null;
		if (body.receivedAt() != null && !body.receivedAt().isBlank()) {
			receivedAt = parseReceivedAt(body.receivedAt().strip());
			if (receivedAt == null) {
				errors.add(new Invalid("receivedAt", "register.receivedAt.invalid"));
			}
			else {
				ReceiptDate.refusal(receivedAt, this.clock.instant(), this.controller.timeZone())
					.ifPresent((code) -> errors.add(new Invalid("receivedAt", code)));
			}
		}
		if (body.skipReasonMissing()) {
			errors.add(new Invalid("noAcknowledgementReason", "register.skipReason.required"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		String language = (body.language() != null) ? body.language() : "sv";
		RequestJson.RepresentativeJson representative = body.representative();
		DsrRequest request = this.requests
			.registerByStaff(
					new NewRequest(body.subjectName().strip(), PlainText.blankToNull(body.subjectEmail()),
							PlainText.blankToNull(body.subjectPhone()), language, body.type(), body.channel(),
							PlainText.blankToNull(body.description()), receivedAt),
					(body.otherTypes() != null) ? body.otherTypes() : List.of(),
					(representative != null) ? new Representative(representative.name(), representative.email(),
							representative.authority()) : null,
					PlainText.blankToNull(body.postalAddress()), body.skipReasonOrNull(), me.toActor())
			.get(0);
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{reference}")
			.buildAndExpand(request.getReference())
			.toUri();
		DsrRequest stored = this.requests.current(request.getId());
		return ResponseEntity.created(location).eTag(etag(stored)).body(details(stored, locale));
	}

	@GetMapping
	@Operation(summary = "List requests, most urgent first",
			description = "The inbox's filters; 25 a page. Without status, the open requests; status=ALL for all. "
					+ "Pass the answer's next as after for the next page.")
	RequestPage list(@Parameter(
			description = "ALL, or one status such as IN_PROGRESS") @RequestParam(required = false) String status,
			@RequestParam(required = false) RequestType type,
			@Parameter(description = "Only open requests past their deadline") @RequestParam(
					defaultValue = "false") boolean overdue,
			@Parameter(description = "Only requests whose deadline is before this date") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBefore,
			@Parameter(description = "mine, unassigned, or a staff user's id") @RequestParam(
					required = false) String assignee,
			@Parameter(description = "A reference, the start of an email address, or part of a name") @RequestParam(
					required = false) String q,
			@Parameter(description = "The cursor from the previous page's next") @RequestParam(
					required = false) String after,
			@AuthenticationPrincipal StaffPrincipal me) {
		if (status != null && !status.isBlank() && !InboxFilter.ALL.equals(status)) {
			try {
				RequestStatus.valueOf(status);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("status", "validation.invalid");
			}
		}
		if (PlainText.hasControlCharacters(q, false)) {
			throw new InvalidInputException("q", "validation.controlCharacters");
		}
		if (assignee != null && !assignee.isBlank() && !ASSIGNEE.matcher(assignee).matches()) {
			throw new InvalidInputException("assignee", "validation.invalid");
		}
		if (after != null && !after.isBlank() && !CURSOR.matcher(after).matches()) {
			throw new InvalidInputException("after", "validation.invalid");
		}
		InboxFilter filter = new InboxFilter();
		filter.setStatus(status);
		filter.setType(type);
		filter.setOverdue(overdue);
		filter.setDueBefore(dueBefore);
		filter.setAssignee(assignee);
		filter.setQ(q);
		filter.setAfter(after);
		if (after != null && !after.isBlank() && filter.cursor().isEmpty()) {
			throw new InvalidInputException("after", "validation.invalid");
		}
		LocalDate today = today();
		InboxQuery.InboxPage page = this.inbox.page(filter, me.id(), today);
		List<RequestSummary> items = page.rows()
			.stream()
			.map((row) -> new RequestSummary(row.reference(), row.type(), row.status(), row.deadline(), row.daysLeft(),
					row.status().isOpen() && row.daysLeft() < 0, row.extended(), row.name(), row.assigneeName()))
			.toList();
		return new RequestPage(items, page.next().map(InboxFilter.Cursor::toString).orElse(null));
	}

	@GetMapping("/{reference}")
	@Operation(summary = "Read a request: deadlines, pauses, extension, assignee, tasks and correspondence")
	ResponseEntity<RequestDetails> show(@PathVariable String reference, Locale locale) {
		DsrRequest request = load(reference);
		return ResponseEntity.ok().eTag(etag(request)).body(details(request, locale));
	}

	@PostMapping("/{reference}/start")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	@Operation(summary = "Take a new request up: its tasks per data location are created")
	ResponseEntity<RequestDetails> start(@PathVariable String reference,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal StaffPrincipal me, Locale locale) {
		return act(reference, ifMatch, locale,
				(request, version) -> this.requests.startWork(request.getId(), version, me.toActor()));
	}

	@PostMapping("/{reference}/authority")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	@Operation(summary = "Record that the representative's authority to act for the person was checked (Art. 12(2))",
			description = "Only for a request made by a representative, once. Until it is recorded, an answer that "
					+ "discloses data answers 409 (authority-not-verified).")
	ResponseEntity<RequestDetails> verifyAuthority(@PathVariable String reference,
			@Valid @RequestBody RequestJson.AuthorityBody body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal StaffPrincipal me, Locale locale) {
		return act(reference, ifMatch, locale, (request, version) -> this.requests.verifyAuthority(request.getId(),
				version, body.note(), me.toActor()));
	}

	@PostMapping("/{reference}/pause")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	@Operation(
			summary = "Ask the person for information, to confirm identity (Art. 12(6)) or clarify scope (Recital 63)",
			description = "The person is emailed the reason in the request's language. An identity pause stops the clock "
					+ "and is refused once identity is verified; a scope pause needs a justification and stops the clock "
					+ "only when dsr.requests.scope-pause-stops-clock is set. No pause once the deadline has passed.")
	ResponseEntity<RequestDetails> pause(@PathVariable String reference, @Valid @RequestBody RequestJson.PauseBody body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal StaffPrincipal me, Locale locale) {
		return act(reference, ifMatch, locale, (request, version) -> this.requests.pause(request.getId(), version,
				body.ground(), body.reason(), body.justification(), me.toActor()));
	}

	@PostMapping("/{reference}/resume")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	@Operation(summary = "The person answered: the clock runs again and the deadline moves")
	ResponseEntity<RequestDetails> resume(@PathVariable String reference,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal StaffPrincipal me, Locale locale) {
		return act(reference, ifMatch, locale,
				(request, version) -> this.requests.resume(request.getId(), version, me.toActor()));
	}

	@PostMapping("/{reference}/extension")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	@Operation(summary = "Extend the deadline by one or two months (Art. 12(3))",
			description = "Once, and only until the one-month deadline: later answers 409. "
					+ "The person is emailed the reason and the new deadline.")
	ResponseEntity<RequestDetails> extend(@PathVariable String reference,
			@Valid @RequestBody RequestJson.ExtensionBody body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal StaffPrincipal me, Locale locale) {
		return act(reference, ifMatch, locale, (request, version) -> this.requests.extend(request.getId(), version,
				body.months(), body.reason(), me.toActor()));
	}

	@PostMapping("/{reference}/extension-posted")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	@Operation(summary = "Record that the extension notice was posted (Art. 12(3))",
			description = "An extension counts only once the person is told. Without an email address, or when "
					+ "the notice mail was given up, it counts from this record, when the letter was posted within "
					+ "the first month; a later date answers 400.")
	ResponseEntity<RequestDetails> extensionPosted(@PathVariable String reference,
			@Valid @RequestBody RequestJson.ExtensionPostedBody body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal StaffPrincipal me, Locale locale) {
		return act(reference, ifMatch, locale, (request, version) -> this.requests
			.recordExtensionPosted(request.getId(), version, body.postedOn(), me.toActor()));
	}

	@PostMapping("/{reference}/delay-notice")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	@Operation(summary = "Tell the person that the answer is delayed, why and when to expect it (Art. 12(3))",
			description = "It moves no deadline. The person is emailed; without an email address the letter "
					+ "is recorded as posted.")
	ResponseEntity<RequestDetails> announceDelay(@PathVariable String reference,
			@Valid @RequestBody RequestJson.DelayBody body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal StaffPrincipal me, Locale locale) {
		return act(reference, ifMatch, locale, (request, version) -> this.requests.announceDelay(request.getId(),
				version, body.reason(), body.expectedOn(), me.toActor()));
	}

	@PostMapping("/{reference}/assign")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	@Operation(summary = "Give the request to an active case handler, by id or email address",
			description = "The case handler is told by mail.")
	ResponseEntity<RequestDetails> assign(@PathVariable String reference,
			@Valid @RequestBody RequestJson.AssignBody body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal StaffPrincipal me, Locale locale) {
		return act(reference, ifMatch, locale, (request, version) -> {
			Long assigneeId = body.assigneeId();
			if (assigneeId == null && body.assigneeEmail() != null && !body.assigneeEmail().isBlank()) {
				assigneeId = this.staff.findByEmail(EmailAddresses.normalise(body.assigneeEmail()))
					.map(StaffUser::getId)
					.orElse(null);
				if (assigneeId == null) {
					throw new InvalidInputException("assigneeEmail", "requestPage.assign.invalid");
				}
			}
			if (assigneeId == null) {
				throw new InvalidInputException("assigneeId", "requestPage.assign.required");
			}
			this.requests.assign(request.getId(), version, assigneeId, me.toActor());
		});
	}

	@PostMapping("/{reference}/reject")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	@Operation(summary = "Refuse the request on a ground the law gives",
			description = "The person is emailed the ground, the reasons and their rights.")
	ResponseEntity<RequestDetails> reject(@PathVariable String reference,
			@Valid @RequestBody RequestJson.RejectBody body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal StaffPrincipal me, Locale locale) {
		return act(reference, ifMatch, locale, (request, version) -> this.requests.reject(request.getId(), version,
				body.ground(), body.reasons(), body.lateReason(), me.toActor()));
	}

	@PostMapping("/{reference}/duplicate-of")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	@Operation(summary = "Close the request as a duplicate of another one, which is answered instead",
			description = "Both requests link to each other; open tasks are cancelled. With tellPerson the person "
					+ "is told by letter. Refused with 422 for an unknown reference, for the request itself or for a "
					+ "request that is itself a closed duplicate, and with 409 once the request is closed.")
	ResponseEntity<RequestDetails> closeAsDuplicate(@PathVariable String reference,
			@Valid @RequestBody RequestJson.DuplicateBody body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal StaffPrincipal me, Locale locale) {
		return act(reference, ifMatch, locale, (request, version) -> this.requests.closeAsDuplicate(request.getId(),
				version, body.duplicateOf(), Boolean.TRUE.equals(body.tellPerson()), me.toActor()));
	}

	@PostMapping("/{reference}/answer")
	@PreAuthorize("hasRole('CASE_HANDLER')")
	@Operation(summary = "Send the answer letter, as reviewed, and complete the request",
			description = "Refused (409) while a task is open, and for an answer that discloses personal data "
					+ "(access, portability, an erasure that keeps some) until the identity check is recorded. "
					+ "An answer that refuses in part (data kept, processing continues, a step not possible) and no "
					+ "longer names the supervisory authority or the court is refused (422, refusal-wording-missing) "
					+ "unless confirmRefusalWording is true. "
					+ "After the deadline only with lateReason (Art. 12(3)); the letter then apologises.")
	ResponseEntity<RequestDetails> sendAnswer(@PathVariable String reference,
			@Valid @RequestBody RequestJson.AnswerBody body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal StaffPrincipal me, Locale locale) {
		return act(reference, ifMatch, locale, (request, version) -> {
			this.refusalWording.check(request.getId(), Locale.forLanguageTag(request.getLanguage()), body.text(),
					body.confirmed());
			this.requests.answer(request.getId(), version, body.text(), body.lateReason(), me.toActor());
		});
	}

	/**
	 * An action on one request: load it by reference, run the step with the version the
	 * {@code If-Match} header names, answer with the request as it is then.
	 */
	private ResponseEntity<RequestDetails> act(String reference, String ifMatch, Locale locale, Action action) {
		DsrRequest request = load(reference);
		action.run(request, version(ifMatch));
		return answer(request.getId(), locale);
	}

	/** One of the workflow's steps, on the request loaded and the version read. */
	@FunctionalInterface
	private interface Action {

		void run(DsrRequest request, Long version);

	}

	/**
	 * The answer to an action, built in the action's transaction (see
	 * {@code system.api.ApiPostTransactions}): nothing is read again after the commit.
	 */
	private ResponseEntity<RequestDetails> answer(long id, Locale locale) {
		DsrRequest request = this.requests.current(id);
		return ResponseEntity.ok().eTag(etag(request)).body(details(request, locale));
	}

	private DsrRequest load(String reference) {
		return this.requests.byReference(reference);
	}

	private RequestDetails details(DsrRequest request, Locale locale) {
		RequestView view = this.views.of(request);
		List<PauseJson> pauses = request.getPauses()
			.stream()
			.map((p) -> new PauseJson(p.getPausedOn(), p.getResumedOn(), p.getReason(), p.getGround(), p.stopsClock()))
			.toList();
		ExtensionJson extension = (request.getExtensionMonths() > 0)
				? new ExtensionJson(request.getExtensionMonths(), request.getExtensionReason(), request.getExtendedAt(),
						request.isExtensionCounted(), request.getExtensionNoticePostedOn())
				: null;
		LocalDate today = this.requests.today();
		DelayJson delay = new DelayJson(request.getDelayAnnouncedOn(), request.getDelayExpectedOn(),
				request.getDelayReason(), request.needsDelayNotice(today));
		AssigneeJson assignee = (request.getAssigneeId() != null)
				? new AssigneeJson(request.getAssigneeId(), view.assigneeName()) : null;
		List<TaskJson> tasks = view.tasks()
			.stream()
			.map((item) -> new TaskJson(item.taskId(), item.locationName(locale), item.status(), item.outcome()))
			.toList();
		CorrespondenceSummary correspondence = new CorrespondenceSummary(view.mails().getTotalElements(),
				view.mails()
					.getContent()
					.stream()
					.limit(LATEST_MAILS)
					.map((m) -> new MailJson(m.getTemplate(), m.getRecipientKind().name(), m.getSubject(),
							m.getStatus().name(), m.getCreatedAt(), m.getSentAt()))
					.toList());
		DataSubject subject = request.getSubject();
		return new RequestDetails(request.getReference(), request.getType(), request.getStatus(), request.getChannel(),
				request.getLanguage(), subject.getName(), subject.getEmail(), request.getDescription(),
				request.getReceivedAt(), request.getReceiptDate(), request.getOriginalDeadline(),
				request.getEffectiveDeadline(), pauses, extension, delay, assignee, request.getClosedAt(),
				request.getRejectionGround(), tasks, correspondence, request.getVersion(),
				this.requests.madeTogether(request).stream().map(DsrRequest::getReference).toList(),
				representative(request), request.getPostalAddress(),
				(request.getDuplicateOf() != null) ? this.requests.get(request.getDuplicateOf()).getReference() : null,
				this.requests.duplicatesOf(request).stream().map(DsrRequest::getReference).toList());
	}

	private static RequestJson.RepresentativeJson representative(DsrRequest request) {
		Representative representative = request.getRepresentative();
		return (representative != null) ? new RequestJson.RepresentativeJson(representative.name(),
				representative.email(), representative.authority(), request.getAuthorityVerifiedAt()) : null;
	}

	/**
	 * When the request arrived: an ISO-8601 instant with an offset or {@code Z}, or a
	 * local date and time read in the controller's time zone, as the registration form
	 * does.
	 * @return the instant, or {@code null} when the text is neither
	 */
	Instant parseReceivedAt(String text) {
		try {
			TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from,
					LocalDateTime::from);
			if (parsed instanceof ZonedDateTime zoned) {
				return zoned.toInstant();
			}
			return ((LocalDateTime) parsed).atZone(this.controller.timeZone()).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * The version in an {@code If-Match} header: {@code "3"}, {@code W/"3"} or {@code 3}.
	 * @return the version, {@code null} without the header
	 */
	static Long version(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || "*".equals(ifMatch.strip())) {
			return null;
		}
		String value = ifMatch.strip();
		if (value.startsWith("W/")) {
			value = value.substring(2);
		}
		value = value.replace("\"", "");
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(HttpHeaders.IF_MATCH, "validation.invalid");
		}
	}

	private static String etag(DsrRequest request) {
		return "\"" + request.getVersion() + "\"";
	}

	private LocalDate today() {
		return this.clock.instant().atZone(this.controller.timeZone()).toLocalDate();
	}

}
