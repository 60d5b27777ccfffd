package se.dsrdesk.account;

import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.util.ReflectionTestUtils;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.system.ConcurrentChangeException;
import se.dsrdesk.system.RefusedException;

/**
 * Staff accounts for tests in other packages, which cannot reach the package-private
 * parts of {@link AccountService}. Each account has a unique address, as the test
 * database is shared.
 */
public final class TestAccounts {

	/** The password of every account made here. */
	public static final String PASSWORD = "correct horse battery";

	private TestAccounts() {
	}

	/**
	 * Creates an account.
	 * @param accounts the account service
	 * @param roles its roles, at least one
	 * @return its email address
	 */
	public static String create(AccountService accounts, Role... roles) {
		String email = "user-" + UUID.randomUUID() + "@example.com";
		accounts.create(email, "Test User", EnumSet.of(roles[0], roles), "en", PASSWORD, Actor.SYSTEM);
		return email;
	}

	/**
	 * Creates an account and loads it as Spring Security holds it after sign-in, for
	 * {@code SecurityMockMvcRequestPostProcessors.user(...)}.
	 * @param accounts the account service
	 * @param userDetailsService the application's user details service
	 * @param roles its roles, at least one
	 * @return the principal
	 */
	public static StaffPrincipal signedIn(AccountService accounts, UserDetailsService userDetailsService,
			Role... roles) {
		return (StaffPrincipal) userDetailsService.loadUserByUsername(create(accounts, roles));
	}

	/**
	 * An account that exists only in memory, as Spring Security holds it after sign-in,
	 * for slice tests without a database
	 * ({@code SecurityMockMvcRequestPostProcessors.user(...)}).
	 * @param id the account's id
	 * @param roles its roles, at least one
	 * @return the principal
	 */
	public static StaffPrincipal principal(long id, Role... roles) {
		return StaffPrincipal.of(user(id, roles), false);
	}

	/**
	 * An account that exists only in memory, for slice tests without a database.
	 * @param id the account's id
	 * @param roles its roles, at least one
	 * @return the account, with the address {@code user-<id>@example.com}
	 */
	public static StaffUser user(long id, Role... roles) {
		StaffUser user = new StaffUser("user-" + id + "@example.com", "Test User " + id, "{noop}" + PASSWORD,
				EnumSet.of(roles[0], roles), "en", Instant.parse("2026-01-05T09:00:00Z"));
		ReflectionTestUtils.setField(user, "id", id);
		return user;
	}

	/**
	 * An invited account that exists only in memory (its owner has not yet chosen a
	 * password), for slice tests without a database.
	 * @param id the account's id
	 * @param roles its roles, at least one
	 * @return the account
	 */
	public static StaffUser invited(long id, Role... roles) {
		StaffUser user = user(id, roles);
		user.markInvited();
		return user;
	}

	/**
	 * The refusal the account service throws when a change breaks a rule, for slice tests
	 * that mock the service.
	 * @param messageCode the message key that says why
	 * @param field the form field it is about, or {@code null}
	 * @return the exception: a change by someone else meanwhile for
	 * {@code account.changedMeanwhile}, as the service throws it
	 */
	public static RefusedException refusal(String messageCode, String field) {
		if ("account.changedMeanwhile".equals(messageCode)) {
			return new ConcurrentChangeException(messageCode);
		}
		return (field != null) ? new AccountChangeRefusedException(messageCode, field)
				: new AccountChangeRefusedException(messageCode);
	}

}
