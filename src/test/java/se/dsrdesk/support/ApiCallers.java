package se.dsrdesk.support;

import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.UserDetailsService;

import se.dsrdesk.account.AccountService;
import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffPrincipal;
import se.dsrdesk.account.TestAccounts;
import se.dsrdesk.account.token.ApiTokens;

/**
 * Callers of the REST API for integration tests: a new staff account with the given roles
 * and an API token of its own, as an {@link ApiClient} pointed at the running
 * application. Every {@link IntegrationTest} can have it injected.
 */
public class ApiCallers {

	private final AccountService accounts;

	private final UserDetailsService userDetailsService;

	private final ApiTokens tokens;

	private final Environment environment;

	ApiCallers(AccountService accounts, UserDetailsService userDetailsService, ApiTokens tokens,
			Environment environment) {
		this.accounts = accounts;
		this.userDetailsService = userDetailsService;
		this.tokens = tokens;
		this.environment = environment;
	}

	/**
	 * A new account with these roles, as Spring Security holds it after sign-in.
	 * @param roles its roles, at least one
	 * @return the principal
	 */
	public StaffPrincipal user(Role... roles) {
		return TestAccounts.signedIn(this.accounts, this.userDetailsService, roles);
	}

	/**
	 * A new API token for the account.
	 * @param user the account
	 * @return the token's secret, for {@code Authorization: Bearer}
	 */
	public String token(StaffPrincipal user) {
		return this.tokens.create(user, "test", null).secret();
	}

	/**
	 * A client that calls the API with a new token of the account.
	 * @param user the account
	 * @return the client
	 */
	public ApiClient as(StaffPrincipal user) {
		return client().bearer(token(user));
	}

	/**
	 * A client that calls the API as a new account with these roles.
	 * @param roles its roles, at least one
	 * @return the client
	 */
	public ApiClient as(Role... roles) {
		return as(user(roles));
	}

	/**
	 * A client with no credentials.
	 * @return the client
	 */
	public ApiClient client() {
		return new ApiClient(this.environment.getRequiredProperty("local.server.port", Integer.class));
	}

}
