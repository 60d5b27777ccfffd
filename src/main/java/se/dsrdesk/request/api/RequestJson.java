package se.dsrdesk.request.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import se.dsrdesk.request.Channel;
import se.dsrdesk.request.rules.NewRequestRules;
import se.dsrdesk.request.PauseGround;
import se.dsrdesk.request.RejectionGround;
import se.dsrdesk.request.representative.RepresentativeAuthority;
import se.dsrdesk.request.RequestStatus;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.request.casefile.StepRules;
import se.dsrdesk.system.PlainText;

/**
 * What the REST API reads and writes about requests, as JSON. The names are the API's
 * contract (docs/api.md): dates are ISO dates ({@code yyyy-MM-dd}), times ISO-8601
 * instants.
 */
final class RequestJson {

	private RequestJson() {
	}

	/**
	 * A request to register, as it arrived by email, letter, phone or in person.
	 *
	 * @param type what the person asks for
	 * @param subjectName the person's name
	 * @param subjectEmail the person's email address, if known
	 * @param subjectPhone the person's phone number, if known
	 * @param channel how it arrived (not {@code WEB}: the public form registers itself)
	 * @param receivedAt when it arrived; an instant with offset or a local date-time in
	 * the controller's time zone; now when left out; never in the future
	 * @param language the language to answer in, {@code sv} (default) or {@code en}
	 * @param description what the person wrote
	 * @param otherTypes further rights asked for in the same request: one request each,
	 * linked, for the same person and with the same receipt time
	 * @param representative who made the request for the person, if someone did (Art.
	 * 12(2)): the letters go to them
	 * @param postalAddress where letters go by post when there is no email address (the
	 * representative's when one acts), lines separated by {@code \n}
	 * @param acknowledge whether the acknowledgement (reference, deadline, status link)
	 * is sent, by mail or as a letter to post, as the registration page does;
	 * {@code true} when left out
	 * @param noAcknowledgementReason why no acknowledgement is sent; required when
	 * {@code acknowledge} is {@code false}, kept as a note on the request
	 */
	record NewRequestBody(@NotNull(message = "{register.type.required}") RequestType type,
			@NewRequestRules.Name String subjectName, @NewRequestRules.EmailAddress String subjectEmail,
			@NewRequestRules.Phone String subjectPhone,
			@NotNull(message = "{register.channel.required}") Channel channel,
			@Schema(description = "ISO-8601 instant (2026-11-20T09:30:00Z, 2026-11-20T10:30:00+01:00) or local "
					+ "date-time in the controller's time zone (2026-11-20T10:30)",
					example = "2026-11-20T10:30:00+01:00") String receivedAt,
			@NewRequestRules.Language @Schema(allowableValues = {
					"sv", "en" }, defaultValue = "sv") String language,
			@NewRequestRules.Description String description,
			@Size(max = 6,
					message = "{validation.tooLong}") List<@NotNull(
							message = "{register.type.required}") RequestType> otherTypes,
			@Valid RepresentativeJson representative,
			@NewRequestRules.PostalAddress @Schema(
					description = "Where letters go by post when there is no email "
							+ "address (the representative's when one acts); up to 6 lines separated by \\n",
					example = "Anna Andersson\nStorgatan 1\n123 45 Lund") String postalAddress,
			@Schema(description = "Send the acknowledgement (reference, deadline, status link) by mail, or as a "
					+ "letter to post without an email address, as the registration page does",
					defaultValue = "true") Boolean acknowledge,
			@Size(max = 500, message = "{validation.tooLong}") @Schema(
					description = "Why no acknowledgement is sent: required when acknowledge is false; "
							+ "kept as a note on the request",
					example = "The person asked us to write only by post, to another address") String noAcknowledgementReason){

		NewRequestBody {
			postalAddress = PlainText.nfcLines(postalAddress);
			subjectName = PlainText.nfc(subjectName);
			subjectEmail = PlainText.nfc(subjectEmail);
			subjectPhone = PlainText.nfc(subjectPhone);
			description = PlainText.nfc(description);
			noAcknowledgementReason = PlainText.nfc(noAcknowledgementReason);
		}

		/**
		 * Why no acknowledgement is sent.
		 * @return the reason, or {@code null} when it is sent
		 */
		String skipReasonOrNull() {
			return NewRequestRules.skipReason(!Boolean.FALSE.equals(acknowledge), noAcknowledgementReason);
		}

		/**
		 * Not acknowledging needs a reason, for the file.
		 * @return whether the reason is missing although needed
		 */
		boolean skipReasonMissing() {
			return NewRequestRules.skipReasonMissing(!Boolean.FALSE.equals(acknowledge), noAcknowledgementReason);
		}

	}

	/**
	 * A representative who makes a request for the person it concerns.
	 *
	 * @param name their name
	 * @param email their email address, where the letters go; without it, by post
	 * @param authority what gives them the right to act for the person
	 * @param authorityVerifiedAt when staff recorded their authority as checked (read
	 * only)
	 */
	record RepresentativeJson(@NewRequestRules.Name String name, @NewRequestRules.EmailAddress String email,
			@NotNull(message = "{intake.authority.required}") RepresentativeAuthority authority,
			@Schema(accessMode = Schema.AccessMode.READ_ONLY) Instant authorityVerifiedAt) {

		RepresentativeJson {
			name = PlainText.nfc(name);
			email = PlainText.nfc(email);
		}

	}

	/**
	 * Records that a representative's authority was checked (Art. 12(2)).
	 *
	 * @param note what was checked, such as the power of attorney
	 */
	record AuthorityBody(@NotBlank(message = "{requestPage.authority.note.required}") @Size(max = 500,
			message = "{validation.tooLong}") String note) {
	}

	/**
	 * Asks the person for information: they are emailed what is needed, in the request's
	 * language, with the wording of the ground.
	 *
	 * @param ground {@code IDENTITY} (stops the clock, Art. 12(6); only while identity is
	 * not verified), {@code AUTHORITY} (proof of a representative's authority; stops the
	 * clock, Art. 12(2) and 12(6); only while it is not checked) or {@code SCOPE}
	 * (Recital 63; the clock runs on unless {@code dsr.requests.scope-pause-stops-clock})
	 * @param reason what the person should send
	 * @param justification why a clarification of scope is needed; required for
	 * {@code SCOPE}, kept on file and not sent
	 */
	record PauseBody(@StepRules.PauseGroundRequired PauseGround ground, @StepRules.InformationNeeded String reason,
			@StepRules.CaseText String justification) {
	}

	/**
	 * Extends the deadline (Art. 12(3)); the person is told the reason and the new date.
	 *
	 * @param months 1 or 2
	 * @param reason why more time is needed
	 */
	record ExtensionBody(@StepRules.ExtensionMonths Integer months, @StepRules.ExtensionReason String reason) {
	}

	/**
	 * Gives the request to an active case handler, named by id or by email address.
	 *
	 * @param assigneeId the case handler's id
	 * @param assigneeEmail or their email address
	 */
	record AssignBody(Long assigneeId, @Size(max = 254, message = "{validation.tooLong}") String assigneeEmail) {
	}

	/**
	 * Refuses the request; the person is told the ground, the reasons and their rights.
	 *
	 * @param ground the ground the law gives
	 * @param reasons the reasons, in words
	 * @param lateReason why the refusal comes after the one-month limit (Art. 12(4));
	 * required then, kept on file and not sent
	 */
	record RejectBody(@StepRules.Ground RejectionGround ground, @StepRules.RejectionReasons String reasons,
			@StepRules.CaseText String lateReason) {
	}

	/**
	 * Closes the request as a duplicate of another one, which is answered instead.
	 *
	 * @param duplicateOf the reference of the request answered instead
	 * @param tellPerson whether the person is told by letter (default no)
	 */
	record DuplicateBody(@NotBlank(message = "{duplicate.original.required}") String duplicateOf, Boolean tellPerson) {
	}

	/**
	 * Sends the answer letter, as reviewed, and completes the request.
	 *
	 * @param text the letter's text, exactly as it is to be sent
	 * @param lateReason why the answer comes after the deadline (Art. 12(3)); required
	 * then, kept on file and not sent
	 */
	record AnswerBody(@StepRules.AnswerText String text, @StepRules.CaseText String lateReason,
			Boolean confirmRefusalWording) {

		/**
		 * Whether the handler confirms sending a refusal without the complaint or court
		 * wording.
		 */
		boolean confirmed() {
			return Boolean.TRUE.equals(this.confirmRefusalWording);
		}

	}

	/**
	 * A request with its deadlines, work and correspondence.
	 *
	 * @param reference the reference, such as {@code DSR-2026-000042}
	 * @param type what is asked for
	 * @param status where it stands
	 * @param channel how it arrived
	 * @param language the language the person is answered in
	 * @param subjectName the person's name ({@code null} once erased)
	 * @param subjectEmail the person's email address, if known
	 * @param description what the person wrote
	 * @param receivedAt when it arrived
	 * @param receivedOn the receipt date in the controller's time zone, from which the
	 * deadline counts
	 * @param originalDeadline one month after receipt, moved by pauses
	 * @param effectiveDeadline the deadline that applies now, extension included
	 * @param pauses the times the clock stood still
	 * @param extension the extension, or {@code null}
	 * @param assignee the case handler, or {@code null}
	 * @param closedAt when it was completed, rejected, withdrawn or expired
	 * @param rejectionGround the ground of a refusal
	 * @param tasks the work per data location, with outcomes
	 * @param correspondence the mail about the request
	 * @param version the version, for {@code If-Match}
	 * @param madeTogether the references of the requests asked for in the same request,
	 * one per right, this one left out
	 * @param representative who made it for the person, or {@code null}
	 * @param postalAddress where letters go by post, or {@code null}
	 * @param duplicateOf the reference of the request answered instead, when this one was
	 * closed as its duplicate; {@code null} otherwise
	 * @param duplicates the references of the requests closed as duplicates of this one
	 */
	record RequestDetails(String reference, RequestType type, RequestStatus status, Channel channel, String language,
			String subjectName, String subjectEmail, String description, Instant receivedAt, LocalDate receivedOn,
			LocalDate originalDeadline, LocalDate effectiveDeadline, List<PauseJson> pauses, ExtensionJson extension,
			DelayJson delay, AssigneeJson assignee, Instant closedAt, RejectionGround rejectionGround,
			List<TaskJson> tasks, CorrespondenceSummary correspondence, long version, List<String> madeTogether,
			RepresentativeJson representative, String postalAddress, String duplicateOf, List<String> duplicates) {
	}

	/**
	 * A time the request waited for the person.
	 *
	 * @param pausedOn the first day paused
	 * @param resumedOn the day the request resumed, {@code null} while paused
	 * @param reason what was asked of the person
	 * @param ground identity (Art. 12(6)) or a clarification of scope (Recital 63)
	 * @param stopsClock whether its days are added to the deadline
	 */
	record PauseJson(LocalDate pausedOn, LocalDate resumedOn, String reason, PauseGround ground, boolean stopsClock) {
	}

	/**
	 * The extension of the deadline.
	 *
	 * @param months by how many months
	 * @param reason why, as the person was told
	 * @param extendedAt when
	 * @param counts whether it counts: only once the person is told, by a notice mail
	 * sent (or on its way) or a letter recorded as posted within the first month (Art.
	 * 12(3))
	 * @param noticePostedOn the day the notice was posted, when recorded
	 */
	record ExtensionJson(int months, String reason, Instant extendedAt, boolean counts, LocalDate noticePostedOn) {
	}

	/**
	 * The last notice that told the person the answer is delayed.
	 *
	 * @param announcedOn the day they were told
	 * @param expectedOn the day they were told to expect the answer
	 * @param reason why, as they were told
	 * @param due whether a (new) delay notice is due today: the deadline has passed and
	 * the person was not told, or the expected day has passed
	 */
	record DelayJson(LocalDate announcedOn, LocalDate expectedOn, String reason, boolean due) {
	}

	/**
	 * Records that the extension notice was posted, which makes the extension count when
	 * posted within the first month (Art. 12(3)).
	 *
	 * @param postedOn the day it was posted
	 */
	record ExtensionPostedBody(LocalDate postedOn) {
	}

	/**
	 * Tells the person that the answer is delayed, why and when to expect it; without an
	 * email address the letter is recorded as posted.
	 *
	 * @param reason why, as the person is told
	 * @param expectedOn the day to expect the answer, after today
	 */
	record DelayBody(@StepRules.CaseText String reason, LocalDate expectedOn) {
	}

	/**
	 * A staff user.
	 *
	 * @param id the id
	 * @param name the display name
	 */
	record AssigneeJson(long id, String name) {
	}

	/**
	 * A data location's task.
	 *
	 * @param id the task's id, for recording its outcome
	 * @param location the location's name, in the caller's language
	 * @param status {@code OPEN}, {@code DONE} or {@code CANCELLED}
	 * @param outcome the outcome once done
	 */
	record TaskJson(long id, String location, String status, String outcome) {
	}

	/**
	 * The mail about a request.
	 *
	 * @param total how many mails there are
	 * @param latest the latest ones, newest first
	 */
	record CorrespondenceSummary(long total, List<MailJson> latest) {
	}

	/**
	 * One mail.
	 *
	 * @param template which letter, such as {@code request-extended}
	 * @param recipientKind to the person ({@code SUBJECT}) or to staff
	 * @param subject its subject line
	 * @param status {@code QUEUED}, {@code SENT} or {@code FAILED}
	 * @param createdAt when it was written
	 * @param sentAt when it went out
	 */
	record MailJson(String template, String recipientKind, String subject, String status, Instant createdAt,
			Instant sentAt) {
	}

	/**
	 * One page of requests.
	 *
	 * @param items the requests, most urgent first
	 * @param next the cursor for the next page ({@code after}), {@code null} on the last
	 */
	record RequestPage(List<RequestSummary> items, String next) {
	}

	/**
	 * A request as a list shows it.
	 *
	 * @param reference the reference
	 * @param type what is asked for
	 * @param status where it stands
	 * @param effectiveDeadline the deadline
	 * @param daysLeft days from today to the deadline, negative when overdue
	 * @param overdue whether an open request is past its deadline
	 * @param extended whether the deadline was extended
	 * @param subjectName the person's name
	 * @param assigneeName the case handler's name
	 */
	record RequestSummary(String reference, RequestType type, RequestStatus status, LocalDate effectiveDeadline,
			long daysLeft, boolean overdue, boolean extended, String subjectName, String assigneeName) {
	}

}
