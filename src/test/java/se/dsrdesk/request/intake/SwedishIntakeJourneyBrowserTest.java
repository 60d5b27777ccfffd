package se.dsrdesk.request.intake;

/**
 * The person's journey in Swedish.
 */
class SwedishIntakeJourneyBrowserTest extends IntakeJourneyBrowserTest {

	@Override
	protected String locale() {
		return "sv-SE";
	}

	@Override
	Texts texts() {
		return new Texts("sv", "Ditt namn", "Din e-postadress", "Tillgång (registerutdrag)", "Kund", "Skicka begäran",
				"Välj vad du vill begära.", "Ange en giltig e-postadress, till exempel namn@example.com.",
				"Titta i din e-post", "Bekräfta min begäran",
				"Tack! Din begäran är bekräftad. Vi har mejlat dig en bekräftelse.", "Mottagen, väntar på handläggning",
				"Vårt svar senast: 7 april 2026", "Återkalla min begäran", "Återkallad");
	}

}
