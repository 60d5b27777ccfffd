package se.dsrdesk.request.refusal;

import se.dsrdesk.request.refusal.RefusalWording;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text check of a letter that refuses a request in part.
 */
class RefusalWordingTest {

	static final String AUTHORITY = "Integritetsskyddsmyndigheten";

	@Test
	@DisplayName("Art. 12(4): a refusal that names the supervisory authority and the court lacks nothing")
	void complete() {
		assertThat(RefusalWording.missingFrom(
				"Du har rätt att lämna in ett klagomål till tillsynsmyndigheten: "
						+ "Integritetsskyddsmyndigheten (IMY), postadress Box 8114, 104 20 Stockholm.\n"
						+ "Du har också rätt till ett effektivt rättsmedel: du kan föra saken till domstol.",
				AUTHORITY, "domstol"))
			.isEmpty();
	}

	@Test
	@DisplayName("Art. 12(4), Art. 77: a refusal without the supervisory authority lacks the complaint")
	void withoutTheComplaint() {
		assertThat(RefusalWording.missingFrom("You may take the matter to COURT.", AUTHORITY, "court"))
			.containsExactly(RefusalWording.COMPLAINT);
	}

	@Test
	@DisplayName("Art. 12(4), Art. 79: a refusal without the court lacks the judicial remedy")
	void withoutTheCourt() {
		assertThat(RefusalWording.missingFrom("Klaga hos integritetsskyddsmyndigheten.", AUTHORITY, "domstol"))
			.containsExactly(RefusalWording.COURT);
	}

	@Test
	@DisplayName("Art. 12(4): an emptied letter lacks both")
	void empty() {
		assertThat(RefusalWording.missingFrom("", AUTHORITY, "domstol")).containsExactly(RefusalWording.COMPLAINT,
				RefusalWording.COURT);
		assertThat(RefusalWording.missingFrom(null, AUTHORITY, "domstol")).hasSize(2);
	}

}
