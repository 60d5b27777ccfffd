package se.dsrdesk.support;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The steps on the answer's pages that browser tests take alike. */
public final class AnswerReview {

	private AnswerReview() {
	}

	/**
	 * From the package review, opens the letter's review and sends the answer; waits
	 * until the page says the request is completed.
	 * @param page the package review
	 */
	public static void sendFromPackageReview(Page page) {
		page.getByRole(AriaRole.LINK,
				new Page.GetByRoleOptions().setName("Review the letter, preview the PDF and send").setExact(true))
			.click();
		page.getByRole(AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Send the letter and complete").setExact(true))
			.click();
		// The first PDF a JVM renders is slow on a loaded machine
		// (docs/answer-package.md).
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("completed",
				new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
	}

}
