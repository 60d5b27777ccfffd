package se.dsrdesk.account.sso;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on with an OpenID Connect provider (docs/sign-in-factors.md). Off unless
 * {@code issuer} is set.
 *
 * @param issuer the provider's issuer URL, such as
 * {@code https://login.microsoftonline.com/TENANT/v2.0}; empty: no single sign-on
 * @param clientId this application's client id at the provider
 * @param clientSecret its client secret (from the environment only)
 */
@ConfigurationProperties("dsr.security.sso")
record SsoProperties(@DefaultValue("") String issuer, @DefaultValue("") String clientId,
		@DefaultValue("") String clientSecret) {

	boolean enabled() {
		return !this.issuer.isBlank();
	}

}
