package se.dsrdesk.account;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * On first start, with no accounts in the database, creates an administrator: the one
 * named by {@code DSR_ADMIN_EMAIL} and {@code DSR_ADMIN_PASSWORD}, or else one with a
 * random password that is printed once in the log and must be changed at the first
 * sign-in. The administrator gets the roles of {@code dsr.admin.roles} (by default all
 * three).
 */
@Component
class FirstAdminBootstrap implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(FirstAdminBootstrap.class);

	private final AccountService accounts;

	private final BootstrapAdminProperties properties;

	FirstAdminBootstrap(AccountService accounts, BootstrapAdminProperties properties) {
		this.accounts = accounts;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean generated = !StringUtils.hasText(this.properties.password());
		String password = generated ? randomPassword() : this.properties.password();
		if (!generated && password.codePointCount(0, password.length()) < PasswordPolicy.MIN_LENGTH) {
			throw new IllegalStateException(
					"DSR_ADMIN_PASSWORD must have at least " + PasswordPolicy.MIN_LENGTH + " characters");
		}
		if (!this.accounts.createFirstAdmin(this.properties.email(), "Administrator", password, this.properties.roles(),
				generated)) {
			return;
		}
		if (generated) {
			logger.warn("""

					========================================================================
					 First start: created the administrator account '{}'
					 with the one-time password:  {}
					 Sign in at /login: you will be asked to choose your own password.
					 Set DSR_ADMIN_EMAIL and DSR_ADMIN_PASSWORD to choose them yourself.
					========================================================================""",
					this.properties.email(), password);
		}
		else {
			logger.info("First start: created the administrator account from DSR_ADMIN_EMAIL");
		}
	}

	static String randomPassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
