package se.dsrdesk.request.intake;

import java.net.IDN;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.notification.Correspondence;
import se.dsrdesk.notification.OutgoingMail;
import se.dsrdesk.notification.Outbox;
import se.dsrdesk.notification.RecipientKind;
import se.dsrdesk.request.intake.RequestTokens.Purpose;
import se.dsrdesk.request.intake.RequestTokens.Stored;
import se.dsrdesk.system.DisplayFormats;
import se.dsrdesk.system.EmailAddresses;
import se.dsrdesk.system.NotFoundException;
import se.dsrdesk.system.RefusedException;
import se.dsrdesk.request.AnswerFiles;
import se.dsrdesk.request.Channel;
import se.dsrdesk.request.DataSubject;
import se.dsrdesk.request.persistence.DataSubjectRepository;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.persistence.DsrRequestRepository;
import se.dsrdesk.request.NewRequest;
import se.dsrdesk.request.Relationship;
import se.dsrdesk.request.representative.Representative;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.Acknowledgements;
import se.dsrdesk.request.RequestStatus;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.request.StatusLinks;
import se.dsrdesk.request.attachment.RequestAttachments;
import se.dsrdesk.request.message.PersonMessages;

/**
 * The person's side of a request: submitting it on the public form, confirming the
 * address with the mailed link, the status page with its secret link, withdrawing, and
 * asking for a new link. Each step is one transaction with the mail it causes.
 */
@Service
@Transactional
public class IntakeService implements Acknowledgements, StatusLinks {

	/** The person themselves, in the audit trail. */
	static final Actor DATA_SUBJECT = new Actor(null, "data subject");

	private static final Set<RequestStatus> UNCONFIRMED = EnumSet.of(RequestStatus.UNVERIFIED, RequestStatus.EXPIRED);

	private static final Set<RequestStatus> OPEN_CONFIRMED = EnumSet.of(RequestStatus.NEW, RequestStatus.IN_PROGRESS,
			RequestStatus.AWAITING_SUBJECT);

	private static final int LETTERS_SHOWN = 50;

	private final RequestService requestService;

	private final DsrRequestRepository requests;

	private final DataSubjectRepository subjects;

	private final RequestTokens tokens;

	private final Outbox outbox;

	private final IntakeProperties properties;

	private final Clock clock;

	private final RequestAttachments attachments;

	private final PersonMessages messages;

	private final ObjectProvider<AnswerFiles> answerFiles;

	IntakeService(RequestService requestService, DsrRequestRepository requests, DataSubjectRepository subjects,
			RequestTokens tokens, Outbox outbox, IntakeProperties properties, Clock clock,
			RequestAttachments attachments, PersonMessages messages, ObjectProvider<AnswerFiles> answerFiles) {
		this.attachments = attachments;
		this.messages = messages;
		// Looked up when used: the answer package depends on this module.
		this.answerFiles = answerFiles;
		this.requestService = requestService;
		this.requests = requests;
		this.subjects = subjects;
		this.tokens = tokens;
		this.outbox = outbox;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Records a request from the public form, unconfirmed and received now, and mails the
	 * link that confirms the address.
	 * @param submission what the person entered
	 * @return the request
	 */
	public DsrRequest submit(Submission submission) {
		List<RequestType> types = List.copyOf(submission.types());
		List<DsrRequest> made = this.requestService.registerTogether(
				new NewRequest(submission.name(), submission.email(), submission.phone(), submission.language(),
						types.get(0), Channel.WEB, submission.description(), null),
				types.subList(1, types.size()), submission.relationship(), submission.representative(),
				submission.postalAddress(), DATA_SUBJECT);
		// One confirmation for all of them: the link confirms every request made
		// together.
		DsrRequest first = made.get(0);
		sendConfirmationLink(first, false);
		return first;
	}

	/**
	 * What a confirmation link would do now, without using it: for the page that asks the
	 * person to press the button (mail scanners that follow links use nothing).
	 * @param token the link's secret
	 * @return the link's state
	 */
	@Transactional(readOnly = true)
	public LinkState inspect(String token) {
		return this.tokens.find(token, Purpose.CONFIRM).map(this::stateOf).orElse(LinkState.INVALID);
	}

	/**
	 * Confirms the address: the request becomes NEW, joins the person already known by
	 * that confirmed address, is flagged when it looks like a second open one of its
	 * type, and the acknowledgement with the status link is queued.
	 * @param token the link's secret
	 * @return the outcome
	 */
	public Confirmation confirm(String token) {
		Optional<Stored> found = this.tokens.find(token, Purpose.CONFIRM);
		if (found.isEmpty()) {
			return Confirmation.refused(LinkState.INVALID);
		}
		Stored link = found.get();
		LinkState state = stateOf(link);
		Instant now = this.clock.instant();
		if (state != LinkState.VALID || !this.tokens.use(link.id(), now)) {
			return Confirmation.refused((state != LinkState.VALID) ? state : LinkState.USED);
		}
		if (this.requestService.get(link.requestId()).getStatus() != RequestStatus.UNVERIFIED) {
			// Confirmed by another link, or closed by staff meanwhile.
			return Confirmation.refused(LinkState.USED);
		}
		DsrRequest request = this.requestService.verifyEmail(link.requestId(), DATA_SUBJECT);
		List<DsrRequest> together = new ArrayList<>();
		together.add(request);
		for (DsrRequest other : this.requestService.madeTogether(request)) {
			if (other.getStatus() == RequestStatus.UNVERIFIED) {
				together.add(this.requestService.verifyEmail(other.getId(), DATA_SUBJECT));
			}
		}
		together.sort(Comparator.comparing(DsrRequest::getId));
		for (DsrRequest confirmed : together) {
			this.tokens.useAll(confirmed.getId(), Purpose.CONFIRM, now);
		}
		linkToKnownPerson(together, now);
		together.forEach((confirmed) -> flagIfDuplicate(confirmed, now));
		String statusToken = acknowledge(together);
		return new Confirmation(LinkState.VALID, request.getReference(), statusToken);
	}

	/**
	 * One acknowledgement that names every right asked for, each with its reference,
	 * deadline and own status link: by mail, or as a letter to post when the
	 * correspondent has only a postal address.
	 */
	@Override
	public String acknowledge(List<DsrRequest> together) {
		Instant now = this.clock.instant();
		DsrRequest request = together.get(0);
		String statusToken = null;
		List<Map<String, Object>> rights = new ArrayList<>();
		for (DsrRequest each : together) {
			String issued = this.tokens.issue(each.getId(), Purpose.STATUS, null, now);
			if (each.getId().equals(request.getId())) {
				statusToken = issued;
			}
			// Written out here: the mail's renderer writes only top-level dates in words.
			rights.add(Map.of("type", each.getType().name(), "reference", each.getReference(), "deadline",
					DisplayFormats.longDate(each.getEffectiveDeadline(), Locale.forLanguageTag(each.getLanguage())),
					"statusToken", issued));
		}
		Map<String, Object> model = personalModel(request);
		model.put("receiptDate", request.getReceiptDate());
		model.put("deadline", request.getEffectiveDeadline());
		model.put("statusToken", statusToken);
		if (rights.size() > 1) {
			model.put("rights", rights);
		}
		// A request registered by staff was not confirmed by the person; by post, the
		// letter speaks of letters, not mail.
		model.put("staffVariant", (request.getChannel() != Channel.WEB) ? ".staff" : "");
		model.put("postVariant", (request.correspondentEmail() == null) ? ".post" : "");
		if (request.correspondentEmail() != null) {
			mail(request, "request-acknowledged", model);
		}
		else if (request.getPostalAddress() != null) {
			this.outbox.enqueueLetter(new OutgoingMail(Outbox.BY_POST, RecipientKind.SUBJECT,
					Locale.forLanguageTag(request.getLanguage()), "request-acknowledged", model, request.getId()),
					request.correspondentName(), request.getPostalAddress());
		}
		return statusToken;
	}

	/**
	 * The status page's content.
	 * @param reference the request's reference, from the link
	 * @param token the link's secret
	 * @return the request, the letters sent to the person, the messages they sent us and
	 * the answer's files they can download
	 * @throws NotFoundException when the link does not match a request
	 */
	@Transactional(readOnly = true)
	public StatusView status(String reference, String token) {
		DsrRequest request = byStatusLink(reference, token);
		List<Correspondence> letters = this.outbox.forRequest(request.getId(), PageRequest.of(0, LETTERS_SHOWN))
			.stream()
			.filter((mail) -> mail.getRecipientKind() == RecipientKind.SUBJECT)
			.toList();
		AnswerFiles files = this.answerFiles.getIfAvailable();
		return new StatusView(request, letters, this.messages.of(request.getId()),
				(files != null) ? files.offered(request.getId()).orElse(null) : null);
	}

	/**
	 * The person writes to us from the status page: a message, a file, or both. The file
	 * becomes a request attachment (the same allow-list and size limit as staff uploads),
	 * the message a line on the request's timeline, and the case handler is told. Nothing
	 * is stored when anything is refused.
	 * @param reference the request's reference, from the link
	 * @param token the link's secret
	 * @param text what they wrote, checked by {@link StatusMessageForm}, may be
	 * {@code null}
	 * @param fileName the file's name as the browser sent it, {@code null} when no file
	 * @param content the file, {@code null} or empty when none
	 * @throws NotFoundException when the link does not match a request
	 * @throws RefusedException when the request is closed, or the file is too large or of
	 * a type not accepted (a
	 * {@link se.dsrdesk.request.attachment.AttachmentRefusedException})
	 */
	public void sendMessage(String reference, String token, String text, String fileName, byte[] content) {
		DsrRequest request = byStatusLink(reference, token);
		if (!request.getStatus().isOpen()) {
			throw new RefusedException(HttpStatus.CONFLICT, null, "intake.message.closed");
		}
		Long attachmentId = null;
		if (content != null && content.length > 0) {
			attachmentId = this.attachments.add(request.getId(), fileName, content, DATA_SUBJECT);
		}
		this.messages.record(request, text, attachmentId, DATA_SUBJECT);
	}

	/**
	 * The largest file the status page accepts, as for staff uploads.
	 * @return the limit in megabytes
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public long fileMaxMegabytes() {
		return this.attachments.maxSize().toMegabytes();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Long> requestOf(String reference, String token) {
		return this.tokens.find(token, Purpose.STATUS)
			.map((link) -> this.requestService.get(link.requestId()))
			.filter((request) -> request.getReference().equals(reference))
			.map(DsrRequest::getId);
	}

	/**
	 * The person withdraws their request from the status page. Withdrawing a request that
	 * is already closed changes nothing.
	 * @param reference the request's reference, from the link
	 * @param token the link's secret
	 * @return whether the request was withdrawn now
	 */
	public boolean withdraw(String reference, String token) {
		DsrRequest request = byStatusLink(reference, token);
		if (!request.getStatus().isOpen()) {
			return false;
		}
		this.requestService.withdraw(request.getId(), null, DATA_SUBJECT);
		return true;
	}

	/**
	 * Mails new links to an address: a new confirmation link for each unconfirmed
	 * request, a new status link for each open confirmed one. The caller never learns
	 * whether any exist.
	 * @param email the address as typed
	 */
	public void sendNewLinks(String email) {
		String key = EmailAddresses.normalise(email);
		if (key.isEmpty()) {
			return;
		}
		Set<RequestStatus> wanted = EnumSet.of(RequestStatus.UNVERIFIED);
		wanted.addAll(OPEN_CONFIRMED);
		for (DsrRequest request : this.requests.findByEmailKey(key, wanted, PageRequest.of(0, 10))) {
			if (request.getStatus() == RequestStatus.UNVERIFIED) {
				if (request.leadsThoseMadeTogether()) {
					sendConfirmationLink(request, false);
				}
			}
			else {
				Map<String, Object> model = personalModel(request);
				model.put("statusToken",
						this.tokens.issue(request.getId(), Purpose.STATUS, null, this.clock.instant()));
				mail(request, "request-status-link", model);
			}
		}
	}

	/**
	 * Issues a confirmation link and mails it, in the caller's transaction.
	 * @param request an unconfirmed request
	 * @param reminder whether this is the one reminder
	 */
	void sendConfirmationLink(DsrRequest request, boolean reminder) {
		Instant now = this.clock.instant();
		Instant validUntil = now.plus(this.properties.confirmationLinkValidity());
		Instant expiresAt = request.getReceivedAt().plus(this.properties.expireAfter());
		if (validUntil.isAfter(expiresAt)) {
			validUntil = expiresAt;
		}
		Map<String, Object> model = personalModel(request);
		// Until the address is confirmed, whoever typed the form may not be its owner:
		// the
		// mail carries nothing they wrote (a name can hold a web address that mail
		// programs turn into a link), only what DSR Desk itself says.
		model.put("name", null);
		model.remove("onBehalfOf");
		model.put("confirmToken", this.tokens.issue(request.getId(), Purpose.CONFIRM, validUntil, now));
		model.put("validUntil", LocalDate.ofInstant(validUntil, this.requestService.zone()));
		model.put("expireDays", this.properties.expireAfter().toDays());
		mail(request, reminder ? "request-confirm-reminder" : "request-confirm", model);
	}

	private LinkState stateOf(Stored link) {
		if (link.usedAt() != null) {
			return LinkState.USED;
		}
		if (link.isExpired(this.clock.instant())) {
			return LinkState.EXPIRED;
		}
		return LinkState.VALID;
	}

	private DsrRequest byStatusLink(String reference, String token) {
		Stored link = this.tokens.find(token, Purpose.STATUS).orElseThrow(() -> new NotFoundException("Status link"));
		DsrRequest request = this.requestService.get(link.requestId());
		if (!request.getReference().equals(reference)) {
			throw new NotFoundException("Status link");
		}
		return request;
	}

	/**
	 * One person, several requests: a request confirmed from an address that an earlier
	 * confirmed request (or staff) already gave joins that person, who takes the details
	 * just given.
	 */
	private void linkToKnownPerson(List<DsrRequest> together, Instant now) {
		DataSubject own = together.get(0).getSubject();
		if (own.getEmailKey() == null) {
			return;
		}
		List<DataSubject> known = this.subjects.findConfirmedByEmailKey(own.getEmailKey(), own.getId(), UNCONFIRMED,
				PageRequest.of(0, 1));
		if (known.isEmpty()) {
			return;
		}
		DataSubject person = known.get(0);
		person.updateDetails(own.getName(), own.getPhone(), own.getPreferredLanguage(), now);
		// The requests made together share their person record: move them all before it
		// goes.
		together.forEach((request) -> this.requestService.linkTo(request, person, now));
		this.subjects.delete(own);
	}

	private void flagIfDuplicate(DsrRequest request, Instant now) {
		String key = request.getSubject().getEmailKey();
		if (key == null) {
			return;
		}
		List<DsrRequest> others = this.requests.findOthersOfType(key, request.getType(), OPEN_CONFIRMED,
				request.getId(), PageRequest.of(0, 1));
		if (!others.isEmpty()) {
			this.requestService.flagPossibleDuplicate(request, others.get(0), now);
		}
	}

	private Map<String, Object> personalModel(DsrRequest request) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("name", request.correspondentName());
		model.put("email", request.correspondentEmail());
		Representative representative = request.getRepresentative();
		model.put("representative", representative != null);
		if (representative != null) {
			model.put("onBehalfOf", request.getSubject().getName());
		}
		List<DsrRequest> together = this.requestService.madeTogether(request);
		if (!together.isEmpty()) {
			List<DsrRequest> all = new ArrayList<>(together);
			all.add(request);
			all.sort(Comparator.comparing(DsrRequest::getId));
			model.put("types", all.stream().map((each) -> each.getType().name()).toList());
		}
		model.put("reference", request.getReference());
		model.put("type", request.getType());
		model.put(OutgoingMail.SUBJECT_ARGUMENTS, List.of(request.getReference()));
		return model;
	}

	private void mail(DsrRequest request, String template, Map<String, Object> model) {
		this.outbox.enqueue(new OutgoingMail(deliverable(request.correspondentEmail()), RecipientKind.SUBJECT,
				Locale.forLanguageTag(request.getLanguage()), template, model, request.getId()));
	}

	/**
	 * The address to send to: an internationalised domain in its ASCII (punycode) form,
	 * which every mail server accepts; the part before the {@code @} as given.
	 * @param email the address as the person typed it
	 * @return the address for the envelope
	 */
	static String deliverable(String email) {
		int at = email.lastIndexOf('@');
		if (at < 0) {
			return email;
		}
		try {
			return email.substring(0, at + 1) + IDN.toASCII(email.substring(at + 1), IDN.ALLOW_UNASSIGNED);
		}
		catch (IllegalArgumentException ex) {
			return email;
		}
	}

	/** What a confirmation link can do. */
	public enum LinkState {

		/** It works. */
		VALID,

		/** It was used already (or another link for the same request was). */
		USED,

		/** Its time ran out. */
		EXPIRED,

		/** No such link. */
		INVALID

	}

	/**
	 * What the person entered on the public form, normalised and checked.
	 *
	 * @param types the rights they ask for, at least one, in the form's order: one
	 * request each, made together
	 * @param name the name of the person the request concerns
	 * @param email the address the mails go to: the person's, or the representative's
	 * when there is one
	 * @param phone their phone number, may be {@code null}
	 * @param relationship how the person is related to the company
	 * @param description what they wrote, may be {@code null}
	 * @param language the language to answer in
	 * @param representative who makes the request for the person, {@code null} when they
	 * make it themselves
	 * @param postalAddress where letters go if asked to go by post (the correspondent's
	 * address), may be {@code null}
	 */
	public record Submission(Set<RequestType> types, String name, String email, String phone, Relationship relationship,
			String description, String language, Representative representative, String postalAddress) {

		public Submission {
			if (types == null || types.isEmpty()) {
				throw new IllegalArgumentException("At least one right is asked for");
			}
			types = Collections.unmodifiableSet(new LinkedHashSet<>(types));
		}

		/** A request for one right, made by the person themselves. */
		public Submission(RequestType type, String name, String email, String phone, Relationship relationship,
				String description, String language) {
			this(Set.of(type), name, email, phone, relationship, description, language, null, null);
		}

	}

	/**
	 * The outcome of confirming.
	 *
	 * @param state {@link LinkState#VALID} when confirmed now, else why not
	 * @param reference the request's reference, when confirmed
	 * @param statusToken the status link's secret, when confirmed
	 */
	public record Confirmation(LinkState state, String reference, String statusToken) {

		static Confirmation refused(LinkState state) {
			return new Confirmation(state, null, null);
		}

		public boolean confirmed() {
			return this.state == LinkState.VALID;
		}

	}

	/**
	 * The status page.
	 *
	 * @param request the request
	 * @param letters the letters sent to the person, newest first
	 * @param messages what the person wrote to us from this page, newest first
	 * @param files the answer's files, {@code null} when the answer had none
	 */
	public record StatusView(DsrRequest request, List<Correspondence> letters, List<PersonMessages.Message> messages,
			AnswerFiles.Offer files) {

	}

}
