package se.dsrdesk.account;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

/**
 * The first administrator: all three roles unless {@code dsr.admin.roles} says otherwise
 * (a small company's first user does all three), and a generated password must be changed
 * at the first sign-in, a chosen one need not.
 */
class FirstAdminBootstrapTest {

	AccountService accounts = mock(AccountService.class);

	@Test
	void theFirstAdministratorHasAllThreeRolesByDefault() {
		BootstrapAdminProperties properties = bind(Map.of());
		assertThat(properties.roles()).containsExactlyInAnyOrder(Role.values());
		assertThat(properties.email()).isEqualTo("admin@dsrdesk.local");
	}

	@Test
	void theRolesAreASetting() {
		BootstrapAdminProperties properties = bind(Map.of("dsr.admin.roles", "ADMIN"));
		assertThat(properties.roles()).containsExactly(Role.ADMIN);
	}

	@Test
	void aGeneratedPasswordMustBeChangedAtTheFirstSignIn() {
		Set<Role> all = EnumSet.allOf(Role.class);
		given(this.accounts.createFirstAdmin(eq("admin@example.com"), eq("Administrator"), anyString(), eq(all),
				eq(true)))
			.willReturn(true);
		new FirstAdminBootstrap(this.accounts, new BootstrapAdminProperties("admin@example.com", null, all)).run(null);
		then(this.accounts).should()
			.createFirstAdmin(eq("admin@example.com"), eq("Administrator"), anyString(), eq(all), eq(true));
	}

	@Test
	void aChosenPasswordNeedNotBeChanged() {
		Set<Role> roles = EnumSet.of(Role.ADMIN);
		new FirstAdminBootstrap(this.accounts,
				new BootstrapAdminProperties("admin@example.com", "a password chosen by the operator", roles))
			.run(null);
		then(this.accounts).should()
			.createFirstAdmin("admin@example.com", "Administrator", "a password chosen by the operator", roles, false);
	}

	private static BootstrapAdminProperties bind(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("dsr.admin",
				BootstrapAdminProperties.class);
	}

}
