package se.dsrdesk.request.intake;

/**
 * The person's journey in English.
 */
class EnglishIntakeJourneyBrowserTest extends IntakeJourneyBrowserTest {

	@Override
	protected String locale() {
		return "en-GB";
	}

	@Override
	Texts texts() {
		return new Texts("en", "Your name", "Your email address", "Access", "Customer", "Send request",
				"Choose what you want to ask for.", "Enter a valid email address, such as name@example.com.",
				"Check your email", "Confirm my request",
				"Thank you: your request is confirmed. We have sent you an acknowledgement by email.",
				"Received, waiting to be handled", "Our answer at the latest: 7 April 2026", "Withdraw my request",
				"Withdrawn");
	}

}
