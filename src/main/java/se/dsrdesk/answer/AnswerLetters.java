package se.dsrdesk.answer;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;

import se.dsrdesk.request.AnswerComposer;
import se.dsrdesk.request.DsrRequest;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.system.ControllerIdentity;
import se.dsrdesk.system.DisplayFormats;
import se.dsrdesk.location.DataLocation;
import se.dsrdesk.location.LegalGround;
import se.dsrdesk.location.LocationTask;
import se.dsrdesk.location.LocationTaskRepository;
import se.dsrdesk.location.RecipientNotice;
import se.dsrdesk.location.RecipientNotices;
import se.dsrdesk.location.LocationKind;
import se.dsrdesk.location.TaskOutcome;
import se.dsrdesk.location.TaskStatus;

/**
 * Composes the draft answer letter of a request from its tasks' outcomes and the
 * register: one sentence per location (from the message bundles, in the request's
 * language), framed by the template {@code templates/letters/answer.txt}, which adds what
 * the request type needs: for access, the register's details per location where data was
 * found (GDPR Art. 15(1) and (2)); for a refusal in part, the right to complain to the
 * supervisory authority and to go to court.
 */
@Service
@Transactional(readOnly = true)
class AnswerLetters implements AnswerComposer {

	static final String TEMPLATE = "letters/answer.txt";

	private final RequestService requests;

	private final LocationTaskRepository tasks;

	private final ITemplateEngine templates;

	private final MessageSource messages;

	private final ControllerIdentity controller;

	private final RecipientNotices recipientNotices;

	private final LetterProperties properties;

	AnswerLetters(RequestService requests, LocationTaskRepository tasks, ITemplateEngine templates,
			MessageSource messages, ControllerIdentity controller, RecipientNotices recipientNotices,
			LetterProperties properties) {
		this.recipientNotices = recipientNotices;
		this.properties = properties;
		this.requests = requests;
		this.tasks = tasks;
		this.templates = templates;
		this.messages = messages;
		this.controller = controller;
	}

	@Override
	public String compose(long requestId, Locale requested) {
		Extract extract = extract(requestId, requested);
		Map<String, Object> variables = new HashMap<>();
		// A representative is written to (Art. 12(2)); the letter names the person it
		// concerns.
		DsrRequest request = this.requests.get(requestId);
		variables.put("name", request.correspondentName());
		variables.put("onBehalfOf", (request.getRepresentative() != null) ? extract.name() : null);
		variables.put("reference", extract.reference());
		variables.put("type", extract.type());
		// To a representative, the sentences about the data name the person it concerns.
		String whom = extract.whom();
		Locale locale = extract.locale();
		variables.put("requestName", phrase("letter.request." + extract.type(), whom, locale));
		variables.put("lead", phrase("letter.lead." + extract.type(), whom, locale));
		variables.put("noLocations", phrase("letter.noLocations", whom, locale));
		variables.put("automated", phrase("letter.access.automated", whom, locale));
		variables.put("rights", phrase("letter.access.rights", whom, locale));
		variables.put("withdrawalLawful", phrase("letter.withdrawal.lawful", whom, locale));
		variables.put("receiptDate", DisplayFormats.longDate(LocalDate.parse(extract.receiptDate()), extract.locale()));
		variables.put("lines", extract.lines());
		variables.put("found", extract.found());
		variables.put("refusedInPart", extract.refusedInPart());
		variables.put("recipientsParagraph",
				recipientsParagraph(requestId, extract.locale(), this.properties.listRecipients(), whom));
		variables.put("restricted", extract.lines()
			.stream()
			.anyMatch(
					(line) -> line.outcome() != null && line.outcome().restricts(RequestType.valueOf(extract.type()))));
		variables.put("controller", this.controller);
		return this.templates.process(TEMPLATE, new Context(extract.locale(), variables)).strip() + "\n";
	}

	/**
	 * What the letter says of the recipients told of an erasure, rectification or
	 * restriction (Art. 19): that they were told (except those where it proved impossible
	 * or disproportionate) and that the person can ask who they are, or, when
	 * {@code dsr.letters.list-recipients} is set, each of them.
	 * @return the paragraph, or {@code null} where no recipient was concerned
	 */
	String recipientsParagraph(long requestId, Locale locale, boolean list) {
		return recipientsParagraph(requestId, locale, list, null);
	}

	/**
	 * The recipients' paragraph, listing them or not.
	 * @param list whether to name each recipient
	 * @param whom in a letter to a representative, the person the data is about;
	 * otherwise {@code null}
	 */
	private String recipientsParagraph(long requestId, Locale locale, boolean list, String whom) {
		List<RecipientNotices.Step> steps = new ArrayList<>();
		for (LocationTask task : this.tasks.findByRequestIdAndStatus(requestId, TaskStatus.DONE)) {
			steps.addAll(this.recipientNotices.steps(task));
		}
		List<RecipientNotice> notices = steps.stream()
			.map(RecipientNotices.Step::notice)
			.filter((n) -> n != null)
			.toList();
		if (notices.isEmpty()) {
			return null;
		}
		String type = this.requests.get(requestId).getType().name();
		String action = message("letter.recipients.action." + type, locale);
		long notTold = notices.stream().filter((n) -> !n.isInformed()).count();
		StringBuilder paragraph = new StringBuilder();
		if (notTold == notices.size()) {
			paragraph.append(phrase("letter.recipients.noneInformed", whom, locale, action, 0L));
		}
		else if (notTold > 0) {
			paragraph.append(phrase("letter.recipients.someInformed", whom, locale, action, notTold));
		}
		else {
			paragraph.append(phrase("letter.recipients.informed", whom, locale, action, 0L));
		}
		if (list) {
			paragraph.append('\n').append(message("letter.recipients.list", locale));
			for (RecipientNotice notice : notices) {
				String country = blankToEmpty(notice.recipientCountry(locale));
				String date = (notice.getInformedOn() != null) ? DisplayFormats.longDate(notice.getInformedOn(), locale)
						: "";
				paragraph.append("\n  - ")
					.append(this.messages.getMessage("letter.recipients.item." + notice.getResult(),
							new Object[] { notice.getRecipientName(), country, date, country.isEmpty() ? 0 : 1 },
							locale));
			}
		}
		else {
			paragraph.append(' ').append(message("letter.recipients.ask", locale));
		}
		return paragraph.toString();
	}

	@Override
	public boolean disclosesData(long requestId) {
		return switch (this.requests.get(requestId).getType()) {
			case ACCESS, PORTABILITY -> true;
			case ERASURE -> this.tasks.findByRequestIdAndStatus(requestId, TaskStatus.DONE)
				.stream()
				.anyMatch((task) -> task.getOutcome().retains());
			default -> false;
		};
	}

	@Override
	public boolean refusesInPart(long requestId) {
		return this.tasks.findByRequestIdAndStatus(requestId, TaskStatus.DONE)
			.stream()
			.map(LocationTask::getOutcome)
			.anyMatch(AnswerLetters::refuses);
	}

	private static boolean refuses(TaskOutcome outcome) {
		return outcome.retains() || outcome.continuesProcessing() || outcome == TaskOutcome.NOT_POSSIBLE;
	}

	/**
	 * What was found and done for a request, location by location, with the register's
	 * details where data was found.
	 * @param requestId the request
	 * @param requested the language to write in
	 * @return the extract
	 */
	Extract extract(long requestId, Locale requested) {
		Locale locale = Locale.forLanguageTag("sv".equals(requested.getLanguage()) ? "sv" : "en");
		DsrRequest request = this.requests.get(requestId);
		String whom = (request.getRepresentative() == null) ? null
				: (request.getSubject().getName() != null && !request.getSubject().getName().isBlank())
						? request.getSubject().getName().strip() : message("letter.representative.person", locale);
		List<Line> lines = new ArrayList<>();
		boolean refusedInPart = false;
		for (LocationTask task : this.tasks.findByRequestIdAndStatus(requestId, TaskStatus.DONE)) {
			lines.add(line(task, locale, whom));
			TaskOutcome outcome = task.getOutcome();
			refusedInPart |= refuses(outcome);
		}
		lines.sort((a, b) -> Long.compare(a.taskId(), b.taskId()));
		return new Extract(locale, request.getId(), request.getSubject().getName(), request.getSubject().getEmail(),
				request.getReference(), request.getType().name(), request.getReceiptDate().toString(), lines,
				lines.stream().filter(Line::found).toList(), refusedInPart, whom);
	}

	/**
	 * A sentence of the letter: in a letter to a representative, its third-person wording
	 * ({@code <key>.representative}, which names the person as the last argument) where
	 * the sentence speaks of the person's data; otherwise the sentence itself.
	 * @param key the sentence's message key
	 * @param whom the person the data is about, in a letter to a representative; else
	 * {@code null}
	 * @param arguments the sentence's own arguments
	 */
	private String phrase(String key, String whom, Locale locale, Object... arguments) {
		if (whom != null) {
			Object[] withWhom = Arrays.copyOf(arguments, arguments.length + 1);
			withWhom[arguments.length] = whom;
			String thirdPerson = this.messages.getMessage(key + ".representative", withWhom, "", locale);
			if (thirdPerson != null && !thirdPerson.isEmpty()) {
				return thirdPerson;
			}
		}
		return this.messages.getMessage(key, arguments, locale);
	}

	private Line line(LocationTask task, Locale locale, String whom) {
		DataLocation location = task.getLocation();
		String name = location.getName().in(locale);
		TaskOutcome outcome = task.getOutcome();
		String ground = (task.getLegalGround() == null) ? ""
				: this.messages.getMessage("letter.retained." + task.getLegalGround(),
						new Object[] { (task.getLegalGround() == LegalGround.OTHER) ? task.getLegalGroundText() : "" },
						locale);
		String until = (task.getRetainedUntil() != null) ? DisplayFormats.longDate(task.getRetainedUntil(), locale)
				: "";
		String summary = (task.getSummary() != null) ? task.getSummary() : "";
		String key = switch (outcome) {
			case NOT_FOUND -> "letter.outcome.NOT_FOUND";
			case DONE -> "letter.outcome.DONE." + task.getRequestType();
			// A newsletter says whether the address is gone for good or kept only so
			// that it is not mailed again (Mailchimp's suppression after unsubscribing).
			case ERASED, PROCESSING_STOPPED, CONSENT_WITHDRAWN -> "letter.outcome." + outcome
					+ ((location.getKind() == LocationKind.NEWSLETTER_PLATFORM) ? ".newsletter" : "");
			default -> "letter.outcome." + outcome;
		};
		String text = phrase(key, whom, locale, name, until, ground, summary, summary.isBlank() ? 0 : 1);
		boolean found = outcome == TaskOutcome.FOUND;
		return new Line(task.getId(), name, text, summary, found ? register(location, locale) : null, found, outcome);
	}

	private Register register(DataLocation location, Locale locale) {
		List<RecipientView> details = location.getRecipients()
			.stream()
			.map((r) -> new RecipientView(r.getName(), message("location.recipient.role." + r.getRole(), locale),
					blankToEmpty(r.country(locale)), blankToEmpty(r.safeguard(locale))))
			.toList();
		List<String> recipients = location.getRecipients().stream().map((r) -> {
			String role = message("letter.access.role." + r.getRole(), locale);
			String where = blankToEmpty(r.country(locale));
			String safeguard = blankToEmpty(r.safeguard(locale));
			return this.messages.getMessage("letter.access.recipient", new Object[] { r.getName(), role, where,
					safeguard, where.isEmpty() ? 0 : 1, safeguard.isEmpty() ? 0 : 1 }, locale);
		}).toList();
		return new Register(location.getName().in(locale), location.getPurposes().in(locale),
				location.getDataCategories().in(locale),
				(location.getLegalBasis() != null) ? message("location.basis." + location.getLegalBasis(), locale) : "",
				recipients, details, location.getRetention().in(locale), location.getSource().in(locale));
	}

	private static String blankToEmpty(String value) {
		return (value == null || value.isBlank()) ? "" : value.strip();
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

	/**
	 * One location's sentence in the letter.
	 *
	 * @param taskId the task, for the order
	 * @param location the location's name
	 * @param text the sentence
	 * @param summary what was found or done, as recorded, or empty
	 * @param register for access where data was found, the register's details
	 * @param found whether data was found (access)
	 * @param outcome the task's outcome
	 */
	record Line(long taskId, String location, String text, String summary, Register register, boolean found,
			TaskOutcome outcome) {
	}

	/**
	 * A request's outcomes as the letter and the access extract give them.
	 *
	 * @param locale the language
	 * @param requestId the request
	 * @param name the person's name, may be {@code null}
	 * @param email the person's email address, may be {@code null}
	 * @param reference the request's reference
	 * @param type the request type
	 * @param receiptDate when it was received
	 * @param lines one per location with a recorded outcome
	 * @param found the lines where data was found (access)
	 * @param refusedInPart whether something was kept, continues or was not possible
	 * @param whom in a letter to a representative, the person the data is about (by name,
	 * or in words when the name is not known); otherwise {@code null}
	 */
	record Extract(Locale locale, long requestId, String name, String email, String reference, String type,
			String receiptDate, List<Line> lines, List<Line> found, boolean refusedInPart, String whom) {
	}

	/**
	 * A recipient as the extract names it.
	 *
	 * @param name the recipient's name
	 * @param role processor or recipient, in words
	 * @param country its country, or empty
	 * @param safeguard the transfer safeguard, or empty
	 */
	record RecipientView(String name, String role, String country, String safeguard) {
	}

	/**
	 * What the register says about a location, as an access extract gives it.
	 *
	 * @param location the location's name
	 * @param purposes why the data is processed
	 * @param categories what kinds of data
	 * @param legalBasis the legal basis
	 * @param recipients each recipient by name, role, country and safeguard, in words
	 * @param recipientDetails the same, field by field
	 * @param retention how long the data is kept
	 * @param source where the data comes from
	 */
	record Register(String location, String purposes, String categories, String legalBasis, List<String> recipients,
			List<RecipientView> recipientDetails, String retention, String source) {
	}

	/**
	 * Resolves the letters' plain-text templates ({@code templates/letters/*.txt}, text
	 * mode) beside Boot's HTML resolver.
	 */
	@Configuration(proxyBeanMethods = false)
	static class LetterTemplates {

		@Bean
		SpringResourceTemplateResolver letterTextTemplateResolver(ApplicationContext applicationContext) {
			SpringResourceTemplateResolver resolver = new SpringResourceTemplateResolver();
			resolver.setApplicationContext(applicationContext);
			resolver.setPrefix("classpath:/templates/");
			resolver.setSuffix("");
			resolver.setResolvablePatterns(Set.of("letters/*.txt"));
			resolver.setTemplateMode(TemplateMode.TEXT);
			resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
			resolver.setCheckExistence(true);
			resolver.setOrder(2);
			return resolver;
		}

	}

}
