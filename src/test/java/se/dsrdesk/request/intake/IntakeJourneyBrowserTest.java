package se.dsrdesk.request.intake;

import java.time.Instant;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import se.dsrdesk.support.BrowserTest;
import se.dsrdesk.support.MailServer;
import se.dsrdesk.support.MutableClock;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The person's whole journey in Chromium, in one language: fill in the form, get messages
 * for a bad address and a missing type with everything typed kept, send it, open the
 * confirmation link from the mail, get the acknowledgement with the right deadline, open
 * the status page from it, and withdraw.
 */
abstract class IntakeJourneyBrowserTest extends BrowserTest {

	/**
	 * Tuesday 3 March 2026, 10:00 in Stockholm: the deadline is Tuesday 7 April (Easter).
	 */
	static final Instant SUBMITTED = Instant.parse("2026-03-03T09:00:00Z");

	@RegisterExtension
	static MailServer mail = new MailServer();

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationContext applicationContext;

	/**
	 * What the person sees, in the test's language.
	 */
	record Texts(String language, String name, String email, String access, String customer, String send,
			String typeError, String emailError, String sentHeading, String confirmButton, String confirmedBanner,
			String statusNew, String acknowledgedDeadline, String withdrawButton, String statusWithdrawn) {
	}

	abstract Texts texts();

	@BeforeEach
	void fixTheClock() {
		this.clock.set(SUBMITTED);
	}

	@AfterEach
	void resetTheClock() {
		this.clock.reset();
	}

	@Test
	void fromTheFormToWithdrawal() {
		Texts t = texts();
		String email = IntakeTest.unique() + "@example.se";
		this.page.navigate("/request");
		assertThat(this.page.locator("html")).hasAttribute("lang", t.language());

		this.page.getByLabel(t.name()).fill("Åsa Öberg-Ångström");
		this.page.getByLabel(t.email()).fill("åsa at example");
		this.page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(t.customer()).setExact(true)).check();
		this.page.locator("#truthful1").check();
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(t.send())).click();

		assertThat(this.page.locator("#type-error")).hasText(t.typeError());
		assertThat(this.page.locator("#email-error")).hasText(t.emailError());
		assertThat(this.page.getByLabel(t.email())).hasAttribute("aria-describedby", "email-hint email-error");
		assertThat(this.page.getByLabel(t.name())).hasValue("Åsa Öberg-Ångström");
		assertThat(this.page.getByLabel(t.email())).hasValue("åsa at example");
		assertThat(
				this.page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(t.customer()).setExact(true)))
			.isChecked();
		assertThat(this.page.locator("#truthful1")).isChecked();

		this.page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(t.access()).setExact(true)).check();
		this.page.getByLabel(t.email()).fill(email);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(t.send())).click();
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText(t.sentHeading());

		List<String> mails = IntakeMails.deliveredTo(this.applicationContext, mail, email, 1);
		assertThat(mails).hasSize(1);
		this.page.navigate("/request/confirm?token=" + IntakeMails.confirmToken(mails.get(0)));
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(t.confirmButton())).click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).hasText(t.confirmedBanner());
		assertThat(this.page.locator("#deadline")).hasText("2026-04-07");
		assertThat(this.page.locator("#status")).hasText(t.statusNew());

		List<String> after = IntakeMails.deliveredTo(this.applicationContext, mail, email, 2);
		assertThat(after).hasSize(2);
		String acknowledgement = after.get(1);
		assertThat(acknowledgement).contains("Åsa Öberg-Ångström", t.acknowledgedDeadline(), "DSR-2026-");
		this.context.clearCookies();
		this.page.navigate(IntakeMails.statusPath(acknowledgement));
		assertThat(this.page.locator("#received")).hasText("2026-03-03");
		assertThat(this.page.locator("#letters tbody tr")).hasCount(2);

		// Withdrawing is irreversible: the link opens a dialog that says so; Escape keeps
		// the
		// request, the dialog's button withdraws it.
		Locator withdraw = this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(t.withdrawButton()));
		withdraw.click();
		assertThat(this.page.getByRole(AriaRole.DIALOG)).isVisible();
		assertThat(this.page.locator("#confirm-withdraw-consequence")).isVisible();
		this.page.keyboard().press("Escape");
		assertThat(this.page.getByRole(AriaRole.DIALOG)).hasCount(0);
		assertThat(withdraw).isFocused();
		withdraw.click();
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(t.withdrawButton()).setExact(true))
			.click();
		assertThat(this.page.locator("#status")).hasText(t.statusWithdrawn());
		assertThat(this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(t.withdrawButton())))
			.hasCount(0);
	}

}
