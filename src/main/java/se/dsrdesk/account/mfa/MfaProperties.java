package se.dsrdesk.account.mfa;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Second factors at sign-in (docs/sign-in-factors.md).
 *
 * @param required which staff must complete a second factor: {@code ADMINS}, {@code ALL}
 * or {@code NONE}
 * @param codeValidity how long a sign-in code sent by email works
 * @param passkeyOrigins the web origins passkeys are accepted from; empty: the origin of
 * {@code dsr.mail.base-url}
 */
@ConfigurationProperties("dsr.security.mfa")
record MfaProperties(@DefaultValue("ADMINS") MfaRequirement required, @DefaultValue("10m") Duration codeValidity,
		@DefaultValue("") String passkeyOrigins) {

}
