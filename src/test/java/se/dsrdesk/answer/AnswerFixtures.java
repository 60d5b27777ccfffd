package se.dsrdesk.answer;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.StaffUser;
import se.dsrdesk.audit.Actor;
import se.dsrdesk.location.DataLocation;
import se.dsrdesk.location.LegalBasis;
import se.dsrdesk.location.LocalizedText;
import se.dsrdesk.location.LocationDetails;
import se.dsrdesk.location.LocationKind;
import se.dsrdesk.location.LocationService;
import se.dsrdesk.request.RequestService;
import se.dsrdesk.request.RequestType;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * What the answer package's tests set up and do alike: the customer register whose task
 * finds the person's data, the case handler signed in, and the answer sent from the
 * answer page.
 */
final class AnswerFixtures {

	private AnswerFixtures() {
	}

	/**
	 * A customer register (names and email, for support, kept two years) that access and
	 * portability requests get a task at, with a name of its own.
	 * @param locations where it is created
	 * @param owner the staff user who owns it
	 * @return the location
	 */
	static DataLocation crm(LocationService locations, StaffUser owner) {
		String id = UUID.randomUUID().toString().substring(0, 8);
		return locations.create(new LocationDetails(new LocalizedText("Kundregister " + id, "CRM " + id),
				new LocalizedText(null, null), LocationKind.OTHER, owner,
				new LocalizedText("Namn och e-post", "Name and email"), new LocalizedText("Kundtjänst", "Support"),
				LegalBasis.LEGITIMATE_INTEREST, List.of(), new LocalizedText("Från dig", "From you"),
				new LocalizedText("Två år", "Two years"), 24, new LocalizedText(null, null),
				new LocalizedText(null, null), 12, EnumSet.of(RequestType.ACCESS, RequestType.PORTABILITY)),
				Actor.SYSTEM);
	}

	/**
	 * A staff user signed in, reading the pages in a language.
	 * @param users where the sign-in is looked up
	 * @param staff the staff user
	 * @param language the {@code Accept-Language}
	 * @return the request's sign-in
	 */
	static RequestPostProcessor signedIn(UserDetailsService users, StaffUser staff, String language) {
		RequestPostProcessor signedIn = user((StaffPrincipal) users.loadUserByUsername(staff.getEmail()));
		return (request) -> {
			request.addHeader("Accept-Language", language);
			return signedIn.postProcessRequest(request);
		};
	}

	/**
	 * Sends the answer letter from the answer page, with the request's current version.
	 * @param mvc the application
	 * @param requests where the version is read
	 * @param requestId the request
	 * @param text the letter
	 * @param as who sends it
	 * @return the page's answer
	 */
	static MvcTestResult sendAnswer(MockMvcTester mvc, RequestService requests, long requestId, String text,
			RequestPostProcessor as) {
		return mvc.post()
			.uri("/staff/requests/" + requestId + "/answer")
			.param("version", Long.toString(requests.get(requestId).getVersion()))
			.param("answerText", text)
			.with(as)
			.with(csrf())
			.exchange();
	}

}
