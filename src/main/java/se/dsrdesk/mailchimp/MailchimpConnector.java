package se.dsrdesk.mailchimp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import se.dsrdesk.location.DataLocation;
import se.dsrdesk.location.LocationKind;
import se.dsrdesk.location.connector.ConnectorException;
import se.dsrdesk.location.connector.ConnectorSubject;
import se.dsrdesk.location.connector.Hit;
import se.dsrdesk.location.connector.LocationConnector;
import se.dsrdesk.location.connector.NewFinding;
import se.dsrdesk.location.connector.Receipt;
import se.dsrdesk.location.connector.SearchResult;

/**
 * The newsletter in Mailchimp, for data locations of kind
 * {@link LocationKind#NEWSLETTER_PLATFORM}:
 * <ul>
 * <li>find: {@code GET /search-members?query=<address>} for every address the request
 * knows, then each exact match by its subscriber hash (MD5 of the lower-cased address) in
 * {@code GET /lists/{list_id}/members/{hash}}; only members whose address is one of the
 * person's become hits (never another person's);</li>
 * <li>copy: the member record, its tags, notes and activity feed, as records to read and
 * as one JSON file;</li>
 * <li>erase: {@code POST /lists/{list_id}/members/{hash}/actions/delete-permanent} per
 * audience ({@code DELETE}, which only archives, is never used);</li>
 * <li>unsubscribe: {@code PATCH /lists/{list_id}/members/{hash}} with status
 * {@code unsubscribed}, which keeps Mailchimp's suppression.</li>
 * </ul>
 * Without a key the connector still serves the newsletter's tasks, and says how to
 * connect it.
 */
@Component
class MailchimpConnector implements LocationConnector {

	static final String NAME = "mailchimp";

	private static final Pattern HIT = Pattern.compile("([0-9A-Za-z]{1,32}):([0-9a-f]{32})");

	private static final String MEMBER = "/lists/{list}/members/{hash}";

	private final MailchimpClient client;

	private final MailchimpProperties properties;

	private final JsonMapper json;

	private final MessageSource messages;

	private final Clock clock;

	MailchimpConnector(MailchimpClient client, MailchimpProperties properties, JsonMapper json, MessageSource messages,
			Clock clock) {
		this.client = client;
		this.properties = properties;
		this.json = json;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public boolean serves(DataLocation location) {
		return location.getKind() == LocationKind.NEWSLETTER_PLATFORM;
	}

	@Override
	public boolean canUnsubscribe() {
		return true;
	}

	@Override
	public boolean completesTask() {
		return true;
	}

	@Override
	public SearchResult find(DataLocation location, ConnectorSubject subject, int page) {
		if (page > 0) {
			return new SearchResult(List.of(), page, false, -1);
		}
		Map<String, String> names = new HashMap<>();
		List<Hit> hits = new ArrayList<>();
		for (Member member : members(subject)) {
			hits.add(hit(member, audienceName(member.listId(), names)));
		}
		return new SearchResult(hits, 0, false, hits.size());
	}

	@Override
	public List<NewFinding> copy(DataLocation location, ConnectorSubject subject, List<String> hitIds) {
		Map<String, String> names = new HashMap<>();
		List<NewFinding> found = new ArrayList<>();
		for (Target target : targets(subject, hitIds)) {
			Optional<JsonNode> member = this.client.get("member", target.listId(), MEMBER, target.listId(),
					target.hash());
			if (member.isEmpty()) {
				continue;
			}
			String audience = audienceName(target.listId(), names);
			String source = "mailchimp:list/" + target.listId() + "/member";
			JsonNode tags = this.client.get("tags", target.listId(), MEMBER + "/tags", target.listId(), target.hash())
				.orElseGet(this.json::createObjectNode);
			JsonNode notes = this.client
				.get("notes", target.listId(), MEMBER + "/notes?count=1000", target.listId(), target.hash())
				.orElseGet(this.json::createObjectNode);
			JsonNode activity = this.client
				.get("activity", target.listId(), MEMBER + "/activity-feed?count=1000", target.listId(), target.hash())
				.orElseGet(this.json::createObjectNode);
			String title = message("mailchimp.finding.member", audience, target.listId());
			found.add(NewFinding.record(title, source, flatten(member.get())));
			found.add(NewFinding.record(message("mailchimp.finding.tags", audience, target.listId()), source + "/tags",
					rows(tags.path("tags"), "name", "date_added")));
			found.add(NewFinding.record(message("mailchimp.finding.notes", audience, target.listId()),
					source + "/notes", rows(notes.path("notes"), "created_at", "note")));
			found.add(NewFinding.record(message("mailchimp.finding.activity", audience, target.listId()),
					source + "/activity-feed", activityRows(activity.path("activity"))));
			ObjectNode all = this.json.createObjectNode();
			all.set("member", withoutLinks(member.get()));
			all.set("tags", withoutLinks(tags.path("tags")));
			all.set("notes", withoutLinks(notes.path("notes")));
			all.set("activity", withoutLinks(activity.path("activity")));
			found.add(NewFinding.file(title, source, "mailchimp-" + target.listId() + ".json", "application/json",
					this.json.writerWithDefaultPrettyPrinter()
						.writeValueAsString(all)
						.getBytes(StandardCharsets.UTF_8)));
		}
		return found;
	}

	@Override
	public Receipt erase(DataLocation location, ConnectorSubject subject, List<String> hitIds, boolean dryRun) {
		List<Target> targets = targets(subject, hitIds);
		if (dryRun) {
			return new Receipt(targets.size(),
					targets.stream()
						.map((target) -> message("mailchimp.evidence.wouldErase", target.listId()))
						.toList(),
					true);
		}
		List<String> evidence = new ArrayList<>();
		int erased = 0;
		for (Target target : targets) {
			Optional<JsonNode> answer;
			try {
				answer = this.client.post("delete-permanent", target.listId(), MEMBER + "/actions/delete-permanent",
						null, target.listId(), target.hash());
			}
			catch (ConnectorException ex) {
				if (erased == 0) {
					throw ex;
				}
				throw new ConnectorException("mailchimp.partlyErased", erased, targets.size(),
						String.join(" | ", evidence));
			}
			if (answer.isPresent()) {
				erased++;
				evidence
					.add(message("mailchimp.evidence.erased", target.listId(), this.clock.instant().toString(), "204"));
			}
			else {
				evidence.add(message("mailchimp.evidence.notMember", target.listId(), "404"));
			}
		}
		return new Receipt(erased, evidence, false);
	}

	@Override
	public Receipt unsubscribe(DataLocation location, ConnectorSubject subject, List<String> hitIds, boolean dryRun) {
		List<Target> targets = targets(subject, hitIds);
		if (dryRun) {
			return new Receipt(targets.size(),
					targets.stream()
						.map((target) -> message("mailchimp.evidence.wouldUnsubscribe", target.listId()))
						.toList(),
					true);
		}
		List<String> evidence = new ArrayList<>();
		int done = 0;
		for (Target target : targets) {
			Optional<JsonNode> answer = this.client.patch("unsubscribe", target.listId(), MEMBER,
					Map.of("status", "unsubscribed"), target.listId(), target.hash());
			if (answer.isPresent()) {
				done++;
				evidence.add(message("mailchimp.evidence.unsubscribed", target.listId(),
						this.clock.instant().toString(), answer.get().path("status").asString("unsubscribed")));
			}
			else {
				evidence.add(message("mailchimp.evidence.notMember", target.listId(), "404"));
			}
		}
		return new Receipt(done, evidence, false);
	}

	/**
	 * The person's members: exact matches of each of their addresses, in the audiences
	 * the settings allow, each read again by its subscriber hash.
	 */
	private List<Member> members(ConnectorSubject subject) {
		Set<String> addresses = addresses(subject);
		Set<String> seen = new LinkedHashSet<>();
		List<Member> members = new ArrayList<>();
		for (String address : addresses) {
			String hash = subscriberHash(address);
			List<String> lists = new ArrayList<>();
			JsonNode result = this.client.get("search-members", null, "/search-members?query={query}", address)
				.orElseGet(this.json::createObjectNode);
			for (JsonNode member : result.path("exact_matches").path("members")) {
				String listId = member.path("list_id").asString("");
				String found = member.path("email_address").asString("").strip().toLowerCase(Locale.ROOT);
				if (found.equals(address) && allowed(listId)) {
					lists.add(listId);
				}
			}
			// An audience the settings name is asked directly too: a search index may
			// lag.
			for (String listId : this.properties.audiences()) {
				if (!lists.contains(listId)) {
					lists.add(listId);
				}
			}
			for (String listId : lists) {
				if (seen.add(listId + ":" + hash)) {
					this.client.get("member", listId, MEMBER, listId, hash)
						.ifPresent((member) -> members.add(new Member(listId, hash, member)));
				}
			}
		}
		return members;
	}

	private Hit hit(Member member, String audience) {
		JsonNode m = member.json();
		String status = m.path("status").asString("");
		Map<String, String> details = new LinkedHashMap<>();
		put(details, "mailchimp.field.address", m.path("email_address").asString(""));
		put(details, "mailchimp.field.audience", audience + " (" + member.listId() + ")");
		put(details, "mailchimp.field.status", status);
		List<String> merge = new ArrayList<>();
		m.path("merge_fields").properties().forEach((field) -> {
			String value = text(field.getValue());
			if (!value.isBlank()) {
				merge.add(field.getKey() + ": " + value);
			}
		});
		put(details, "mailchimp.field.mergeFields", String.join("; ", merge));
		List<String> tags = new ArrayList<>();
		m.path("tags").forEach((tag) -> tags.add(tag.path("name").asString("")));
		put(details, "mailchimp.field.tags", String.join(", ", tags));
		put(details, "mailchimp.field.signup",
				join(m.path("timestamp_signup").asString(""), m.path("ip_signup").asString("")));
		put(details, "mailchimp.field.optIn",
				join(m.path("timestamp_opt").asString(""), m.path("ip_opt").asString("")));
		JsonNode where = m.path("location");
		put(details, "mailchimp.field.location",
				join(where.path("country_code").asString(""), where.path("timezone").asString("")));
		put(details, "mailchimp.field.lastChanged", m.path("last_changed").asString(""));
		return new Hit(member.listId() + ":" + member.hash(), message("mailchimp.hit", audience, status), details,
				true);
	}

	private void put(Map<String, String> details, String label, String value) {
		if (value != null && !value.isBlank()) {
			details.put(message(label), value);
		}
	}

	private static String join(String a, String b) {
		return (a + ((a.isEmpty() || b.isEmpty()) ? "" : ", ") + b).strip();
	}

	private String audienceName(String listId, Map<String, String> names) {
		return names.computeIfAbsent(listId,
				(id) -> this.client.get("audience", id, "/lists/{list}?fields=id,name", id)
					.map((list) -> list.path("name").asString(id))
					.orElse(id));
	}

	/** The selected hits, each checked to be one of the person's members. */
	private List<Target> targets(ConnectorSubject subject, List<String> hitIds) {
		Set<String> hashes = new LinkedHashSet<>();
		addresses(subject).forEach((address) -> hashes.add(subscriberHash(address)));
		List<Target> targets = new ArrayList<>();
		for (String id : hitIds) {
			Matcher matcher = HIT.matcher(id);
			if (!matcher.matches() || !hashes.contains(matcher.group(2)) || !allowed(matcher.group(1))) {
				throw new ConnectorException("mailchimp.unknownHit");
			}
			targets.add(new Target(matcher.group(1), matcher.group(2)));
		}
		return targets;
	}

	private boolean allowed(String listId) {
		return !listId.isEmpty()
				&& (this.properties.audiences().isEmpty() || this.properties.audiences().contains(listId));
	}

	private static Set<String> addresses(ConnectorSubject subject) {
		Set<String> addresses = new LinkedHashSet<>();
		for (String email : subject.emails()) {
			if (email != null && !email.isBlank()) {
				addresses.add(email.strip().toLowerCase(Locale.ROOT));
			}
		}
		return addresses;
	}

	/**
	 * Mailchimp's subscriber hash: the MD5 of the lower-cased address, in hex.
	 * @param address an email address
	 * @return the hash
	 */
	static String subscriberHash(String address) {
		try {
			byte[] digest = MessageDigest.getInstance("MD5")
				.digest(address.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A member's fields as Mailchimp names them, nested names joined by dots. */
	private Map<String, String> flatten(JsonNode member) {
		Map<String, String> fields = new LinkedHashMap<>();
		flatten("", withoutLinks(member), fields);
		return fields;
	}

	private void flatten(String prefix, JsonNode node, Map<String, String> fields) {
		if (node.isObject()) {
			node.properties()
				.forEach((field) -> flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(),
						field.getValue(), fields));
		}
		else if (node.isArray()) {
			if (node.isEmpty()) {
				fields.put(prefix, "");
			}
			for (int i = 0; i < node.size(); i++) {
				flatten(prefix + "[" + i + "]", node.get(i), fields);
			}
		}
		else {
			fields.put(prefix, text(node));
		}
	}

	private static Map<String, String> rows(JsonNode items, String key, String value) {
		Map<String, String> rows = new LinkedHashMap<>();
		int i = 0;
		for (JsonNode item : items) {
			rows.put(++i + ". " + item.path(key).asString(""), item.path(value).asString(""));
		}
		return rows;
	}

	private static Map<String, String> activityRows(JsonNode items) {
		Map<String, String> rows = new LinkedHashMap<>();
		int i = 0;
		for (JsonNode item : items) {
			String when = item.path("created_at_timestamp").asString(item.path("timestamp").asString(""));
			String what = item.path("activity_type").asString(item.path("action").asString(""));
			String about = item.path("campaign_title").asString(item.path("title").asString(""));
			rows.put(++i + ". " + when + " " + what, about);
		}
		return rows;
	}

	private JsonNode withoutLinks(JsonNode node) {
		JsonNode copy = node.deepCopy();
		strip(copy);
		return copy;
	}

	private static void strip(JsonNode node) {
		if (node instanceof ObjectNode object) {
			object.remove("_links");
		}
		node.forEach(MailchimpConnector::strip);
	}

	private static String text(JsonNode node) {
		return node.isValueNode() ? node.asString("") : node.toString();
	}

	private String message(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
	}

	private record Member(String listId, String hash, JsonNode json) {
	}

	private record Target(String listId, String hash) {
	}

}
