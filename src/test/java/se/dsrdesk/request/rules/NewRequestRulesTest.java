package se.dsrdesk.request.rules;

import se.dsrdesk.request.rules.NewRequestRules;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of a new request, which the public form, the register form and the API share:
 * each refuses what it should, with the bundles' message keys.
 */
class NewRequestRulesTest {

	private static ValidatorFactory factory;

	private static Validator validator;

	@BeforeAll
	static void createValidator() {
		factory = Validation.buildDefaultValidatorFactory();
		validator = factory.getValidator();
	}

	@AfterAll
	static void closeValidator() {
		factory.close();
	}

	@Test
	void aGoodRequestPasses() {
		assertThat(validator
			.validate(new Incoming("Åsa Öberg", "asa@example.se", "070-123 45 67", "sv", "Please send me\nmy data.")))
			.isEmpty();
		assertThat(validator.validate(new Incoming("Åsa Öberg", null, null, "en", null))).isEmpty();
	}

	@Test
	void eachRuleRefusesWithItsMessage() {
		Map<String, Set<String>> refused = refused(
				new Incoming(" ", "not an address", "call me", "de", "x".repeat(4001)));
		assertThat(refused).containsEntry("name", Set.of("{validation.required}"))
			.containsEntry("email", Set.of("{validation.email}"))
			.containsEntry("phone", Set.of("{intake.phone.invalid}"))
			.containsEntry("language", Set.of("{validation.invalid}"))
			.containsEntry("description", Set.of("{validation.tooLong}"));
	}

	@Test
	void namesAndAddressesAreOneLineButADescriptionMayHaveLineBreaks() {
		Map<String, Set<String>> refused = refused(
				new Incoming("Åsa\nÖberg", "asa@example.se\r", null, "sv", "Line one\nline two"));
		assertThat(refused).containsOnlyKeys("name", "email");
	}

	@Test
	void lengthsAreLimited() {
		Map<String, Set<String>> refused = refused(
				new Incoming("a".repeat(201), "a".repeat(250) + "@example.se", "1".repeat(51), "sv", null));
		assertThat(refused).containsOnlyKeys("name", "email", "phone");
		assertThat(refused.get("name")).contains("{validation.tooLong}");
		assertThat(refused.get("phone")).contains("{validation.tooLong}");
	}

	private static Map<String, Set<String>> refused(Incoming incoming) {
		Map<String, Set<String>> refused = new TreeMap<>();
		for (ConstraintViolation<Incoming> violation : validator.validate(incoming)) {
			refused.computeIfAbsent(violation.getPropertyPath().toString(), (k) -> new TreeSet<>())
				.add(violation.getMessageTemplate());
		}
		return refused;
	}

	record Incoming(@NewRequestRules.Name String name, @NewRequestRules.EmailAddress String email,
			@NewRequestRules.Phone String phone, @NewRequestRules.Language String language,
			@NewRequestRules.Description String description) {
	}

}
