package se.dsrdesk.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every visible string exists in Swedish and English: the two bundles hold the same keys,
 * no value is empty, and every key that a template (HTML, or a plain-text mail template)
 * or a validation message uses exists.
 */
class MessageBundlesTest {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Path SOURCES = Path.of("src/main/java");

	/** {@code #{key}} and {@code #{key(args)}} with a literal key. */
	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][\\w.]*)[}(]");

	/** {@code message = "{key}"} in constraint annotations. */
	private static final Pattern CONSTRAINT_KEY = Pattern.compile("message\\s*=\\s*\"\\{([\\w.]+)}\"");

	/**
	 * Message codes handed to {@code reject}, {@code rejectValue} and flash attributes.
	 */
	private static final Pattern CODE_KEY = Pattern.compile(
			"(?:rejectValue\\([^,]+,\\s*|reject\\(|addFlashAttribute\\(\"(?:success|failure)\",\\s*|RefusedException\\(|new Problem\\()\"([a-z][\\w.]+)\"");

	@Test
	void swedishAndEnglishHaveTheSameKeys() throws IOException {
		Properties english = load("messages.properties");
		Properties swedish = load("messages_sv.properties");
		assertThat(swedish.stringPropertyNames()).as("keys in Swedish")
			.containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
	}

	@Test
	void noMessageIsEmpty() throws IOException {
		for (String bundle : new String[] { "messages.properties", "messages_sv.properties" }) {
			Properties messages = load(bundle);
			assertThat(messages.stringPropertyNames()).as("empty values in " + bundle)
				.allSatisfy((key) -> assertThat(messages.getProperty(key)).as(key).isNotBlank());
		}
	}

	@Test
	void everyKeyThatTemplatesUseExists() throws IOException {
		Set<String> used = keysIn(TEMPLATES, ".html", TEMPLATE_KEY);
		Set<String> usedByTextMail = keysIn(TEMPLATES.resolve("mail"), ".txt", TEMPLATE_KEY);
		assertThat(used).as("keys used by templates").isNotEmpty();
		assertThat(usedByTextMail).as("keys used by text mail templates").isNotEmpty();
		used.addAll(usedByTextMail);
		assertThat(load("messages.properties").stringPropertyNames()).containsAll(used);
	}

	@Test
	void everyMailTemplateHasASubjectInBothLanguages() throws IOException {
		Set<String> mails = new TreeSet<>();
		try (Stream<Path> files = Files.list(TEMPLATES.resolve("mail"))) {
			files.filter((file) -> file.toString().endsWith(".html") && !isFragment(file))
				.map((file) -> file.getFileName().toString())
				.forEach((name) -> mails.add(name.substring(0, name.length() - ".html".length())));
		}
		assertThat(mails).as("mail templates").contains("staff-account-created");
		for (String mail : mails) {
			assertThat(TEMPLATES.resolve("mail/" + mail + ".txt")).as("text version of " + mail).exists();
			assertThat(load("messages.properties").stringPropertyNames()).contains("mail." + mail + ".subject");
		}
	}

	@Test
	void everyKeyThatCodeUsesExists() throws IOException {
		Set<String> used = keysIn(SOURCES, ".java", CONSTRAINT_KEY);
		used.addAll(keysIn(SOURCES, ".java", CODE_KEY));
		assertThat(used).as("keys used by code").contains("validation.required", "password.tooShort");
		assertThat(load("messages.properties").stringPropertyNames()).containsAll(used);
	}

	/**
	 * An API problem's kind, {@code HttpStatus.CONFLICT, "package-files-unchecked"}: its
	 * title and detail are {@code api.problem.<kind>.title} and {@code .detail}
	 * ({@code ApiProblems}); a kind without them answered 500 instead of its problem.
	 */
	private static final Pattern PROBLEM_KIND = Pattern.compile("HttpStatus\\.[A-Z_]+,\\s*\"([a-z][a-z0-9-]*)\"");

	@Test
	void everyApiProblemKindHasItsTitleAndDetailInBothLanguages() throws IOException {
		Set<String> kinds = keysIn(SOURCES, ".java", PROBLEM_KIND);
		assertThat(kinds).as("problem kinds used by code").contains("package-files-unchecked", "unavailable");
		for (String bundle : new String[] { "messages.properties", "messages_sv.properties" }) {
			Set<String> keys = load(bundle).stringPropertyNames();
			assertThat(keys).as("problem messages in " + bundle)
				.containsAll(kinds.stream().map((kind) -> "api.problem." + kind + ".title").toList())
				.containsAll(kinds.stream().map((kind) -> "api.problem." + kind + ".detail").toList());
		}
	}

	@Test
	void theKeyScannerFindsWhatItShould() {
		Matcher matcher = TEMPLATE_KEY
			.matcher("<p th:text=\"#{a.b}\"></p><p th:text=\"#{c.d(${x})}\"></p>[(#{e.f})] [(#{g.h(${y})})]");
		Set<String> found = new TreeSet<>();
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		assertThat(found).containsExactly("a.b", "c.d", "e.f", "g.h");
	}

	/** A mail part such as the footer, which other mail templates include. */
	private static boolean isFragment(Path template) {
		try {
			return Files.readString(template).contains("th:fragment=");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Set<String> keysIn(Path root, String suffix, Pattern pattern) throws IOException {
		Set<String> keys = new TreeSet<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter((p) -> p.toString().endsWith(suffix)).toList()) {
				Matcher matcher = pattern.matcher(Files.readString(file));
				while (matcher.find()) {
					keys.add(matcher.group(1));
				}
			}
		}
		return keys;
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
