package se.dsrdesk.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.UriComponentsBuilder;

import se.dsrdesk.system.ControllerIdentity;
import se.dsrdesk.system.CsvDownload;

/**
 * The audit trail for compliance officers and admins: filtered by a GET form so that
 * every view is a link, newest first, paged by keyset; and the same selection as a CSV
 * file. Read-only: there is nothing here but GETs.
 */
@Controller
@RequestMapping("/staff/audit")
@PreAuthorize("hasAnyRole('COMPLIANCE_OFFICER', 'ADMIN')")
class AuditController {

	/** Times in the export: the controller's time zone, a form Excel reads as a time. */
	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final AuditQuery query;

	private final MessageSource messages;

	private final ControllerIdentity controller;

	private final Clock clock;

	AuditController(AuditQuery query, MessageSource messages, ControllerIdentity controller, Clock clock) {
		this.query = query;
		this.messages = messages;
		this.controller = controller;
		this.clock = clock;
	}

	@InitBinder("filter")
	void allowFilterFields(WebDataBinder binder) {
		binder.setAllowedFields("actor", "action", "reference", "from", "to", "after");
	}

	/**
	 * One page of the trail. Filters that do not parse are named next to their fields and
	 * nothing is listed, rather than rows that the question did not ask for.
	 */
	@GetMapping
	String list(@ModelAttribute("filter") AuditFilter filter, BindingResult result, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		filter.validate(result);
		form(model);
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "audit/list";
		}
		AuditQuery.AuditPage page = this.query.page(filter, zone());
		model.addAttribute("page", page);
		// The page's links are made here rather than with Thymeleaf's @{...}: with the
		// resource chain on (WebJars), every @{...} link is first looked up as a static
		// resource on the class path, and misses are not cached. A profile of this page
		// with 50 row links spent two thirds of its time there (docs/audit.md).
		String context = request.getContextPath();
		model.addAttribute("firstPage",
				filter.cursor().isPresent() ? context + link("/staff/audit", filter, null) : null);
		model.addAttribute("nextPage",
				page.next().map((cursor) -> context + link("/staff/audit", filter, cursor.toString())).orElse(null));
		model.addAttribute("exportLink", context + link("/staff/audit/export.csv", filter, null));
		model.addAttribute("requestPagePrefix", context + "/staff/requests/");
		return "audit/list";
	}

	/**
	 * The filtered trail as CSV, newest first, written to the response as the database
	 * sends it. With filters that do not parse, the page with its messages instead.
	 */
	@GetMapping("/export.csv")
	String export(@ModelAttribute("filter") AuditFilter filter, BindingResult result, Model model,
			HttpServletResponse response, Locale locale) throws IOException {
		filter.validate(result);
		if (result.hasErrors()) {
			form(model);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "audit/list";
		}
		CsvDownload csv = CsvDownload.start(response, "audit-trail_" + today() + ".csv");
		csv.row(header(locale, "when", "who", "what", "action", "targetType", "targetId", "reference", "details",
				"changes"));
		ZoneId zone = zone();
		try {
			writeRows(filter, zone, locale, csv);
		}
		catch (UncheckedIOException ex) {
			// The reader went away mid-file: nothing more to send.
			throw ex.getCause();
		}
		csv.flush();
		return null;
	}

	private void writeRows(AuditFilter filter, ZoneId zone, Locale locale, CsvDownload csv) {
		this.query.export(filter, zone, (row) -> {
			try {
				csv.row(WHEN.format(row.occurredAt().atZone(zone)), row.actorLabel(),
						this.messages.getMessage("audit.action." + row.action(), null, row.action(), locale),
						row.action(), row.targetType(), row.targetId(), row.reference(), row.details(),
						row.changes()
							.stream()
							.map((c) -> c.field() + ": " + nullToDash(c.before()) + " → " + nullToDash(c.after()))
							.collect(Collectors.joining("; ")));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private void form(Model model) {
		model.addAttribute("staff", this.query.staff());
		model.addAttribute("actions", this.query.actions());
	}

	private Object[] header(Locale locale, String... keys) {
		Object[] cells = new Object[keys.length];
		for (int i = 0; i < keys.length; i++) {
			cells[i] = this.messages.getMessage("audit.csv." + keys[i], null, locale);
		}
		return cells;
	}

	private static String nullToDash(String value) {
		return (value != null) ? value : "–";
	}

	private ZoneId zone() {
		return this.controller.timeZone();
	}

	private LocalDate today() {
		return this.clock.instant().atZone(zone()).toLocalDate();
	}

	/** The trail (or its export) with the same filters, starting after a cursor. */
	static String link(String path, AuditFilter filter, String after) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
		Map<String, String> values = new HashMap<>();
		param(link, values, "actor", filter.getActor());
		param(link, values, "action", filter.getAction());
		param(link, values, "reference", filter.getReference());
		param(link, values, "from", filter.getFrom());
		param(link, values, "to", filter.getTo());
		param(link, values, "after", after);
		// Values as template variables: encode() then encodes '+' and '&' in them too.
		return link.encode().buildAndExpand(values).toUriString();
	}

	private static void param(UriComponentsBuilder link, Map<String, String> values, String name, String value) {
		if (value != null && !value.isBlank()) {
			link.queryParam(name, "{" + name + "}");
			values.put(name, value.strip());
		}
	}

}
