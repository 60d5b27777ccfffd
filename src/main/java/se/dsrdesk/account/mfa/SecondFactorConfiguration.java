package se.dsrdesk.account.mfa;

import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.http.HttpMethod;

import se.dsrdesk.account.StaffUserRepository;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.system.ControllerIdentity;

/**
 * Second factors at staff sign-in, with Spring Security's multi-factor authentication: a
 * code by email (one-time-token login), passkeys (WebAuthn, kept in the database) and
 * recovery codes; and the rule of {@code dsr.security.mfa.required}
 * ({@link SecondFactors}).
 * <p>
 * Applied to the staff pages' filter chain only (the {@code staffSignInMethods} hook of
 * {@code system.web.SecurityConfiguration}), never to the API's.
 */
@Configuration(proxyBeanMethods = false)
@EnableMultiFactorAuthentication(authorities = {})
class SecondFactorConfiguration {

	static final String EMAIL_CODE_REQUEST = SecondFactors.SECOND_FACTOR_PAGE + "/email";

	static final String EMAIL_CODE_CHECK = SecondFactors.SECOND_FACTOR_PAGE + "/code";

	static final String RECOVERY_CODE_CHECK = SecondFactors.SECOND_FACTOR_PAGE + "/recovery";

	@Bean
	EmailCodes emailCodes(JdbcTemplate jdbc, Clock clock, MfaProperties properties) {
		return new EmailCodes(jdbc, clock, properties.codeValidity());
	}

	@Bean
	PublicKeyCredentialUserEntityRepository passkeyUserEntities(JdbcTemplate jdbc) {
		return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
	}

	@Bean
	Passkeys passkeys(JdbcTemplate jdbc, PublicKeyCredentialUserEntityRepository userEntities,
			StaffUserRepository users, AuditLog auditLog) {
		return new Passkeys(new JdbcUserCredentialRepository(jdbc), userEntities, users, auditLog);
	}

	/**
	 * The relying party (this application) for passkeys: its id is the host of
	 * {@code dsr.mail.base-url}, and passkeys are accepted from that origin (or those of
	 * {@code dsr.security.mfa.passkey-origins}).
	 */
	@Bean
	WebAuthnRelyingPartyOperations passkeyRelyingParty(PublicKeyCredentialUserEntityRepository userEntities,
			Passkeys passkeys, MfaProperties properties,
			@Value("${dsr.mail.base-url:http://localhost:8080}") String baseUrl) {
		URI base = URI.create(baseUrl);
		Set<String> origins = new LinkedHashSet<>();
		if (properties.passkeyOrigins().isBlank()) {
			origins.add(base.getScheme() + "://" + base.getHost() + ((base.getPort() > 0) ? ":" + base.getPort() : ""));
		}
		else {
			Arrays.stream(properties.passkeyOrigins().split(","))
				.map(String::strip)
				.filter((origin) -> !origin.isEmpty())
				.forEach(origins::add);
		}
		return new Webauthn4JRelyingPartyOperations(userEntities, passkeys,
				PublicKeyCredentialRpEntity.builder().id(base.getHost()).name("DSR Desk").build(), origins);
	}

	@Bean
	@Order(1)
	Consumer<HttpSecurity> staffSecondFactors(MfaProperties properties, EmailCodes emailCodes,
			JavaMailSender mailSender, MessageSource messages, StaffUserRepository users, AuditLog auditLog,
			@Value("${dsr.mail.from:}") String from, ControllerIdentity controller,
			WebAuthnRelyingPartyOperations relyingParty, UserDetailsService userDetails,
			AuthenticationEventPublisher events, RecoveryCodes recoveryCodes) {
		EmailCodeMail mail = new EmailCodeMail(mailSender, messages, users, auditLog, from, controller,
				properties.codeValidity());
		return (http) -> {
			try {
				configure(http, properties.required(), emailCodes, mail, relyingParty, userDetails, events,
						recoveryCodes);
			}
			catch (Exception ex) {
				throw new IllegalStateException("Second factors could not be configured", ex);
			}
		};
	}

	private static void configure(HttpSecurity http, MfaRequirement requirement, EmailCodes emailCodes,
			EmailCodeMail mail, WebAuthnRelyingPartyOperations relyingParty, UserDetailsService userDetails,
			AuthenticationEventPublisher events, RecoveryCodes recoveryCodes) throws Exception {
		SavedRequestAwareAuthenticationSuccessHandler toSavedPage = new SavedRequestAwareAuthenticationSuccessHandler();
		toSavedPage.setDefaultTargetUrl("/staff");
		// The staff chain keeps the page first asked for in a cookie, not in a session.
		toSavedPage.setRequestCache(new CookieRequestCache());
		// The rule: the page rules, then a second factor where required.
		http.authorizeHttpRequests((rules) -> rules.withObjectPostProcessor(new SecondFactorRule(requirement)));
		// A code by email.
		http.oneTimeTokenLogin((ott) -> ott.loginPage(SecondFactors.SECOND_FACTOR_PAGE)
			.showDefaultSubmitPage(false)
			.tokenGeneratingUrl(EMAIL_CODE_REQUEST)
			.loginProcessingUrl(EMAIL_CODE_CHECK)
			.tokenService(emailCodes)
			.generateRequestResolver(emailCodes)
			.tokenGenerationSuccessHandler(mail)
			.successHandler(toSavedPage)
			.failureHandler(
					new SimpleUrlAuthenticationFailureHandler(SecondFactors.SECOND_FACTOR_PAGE + "?codeError")));
		// Passkeys: as a second factor, or alone (a passkey is itself two factors).
		ProviderManager passkeyManager = new ProviderManager(new StaffPasskeyAuthentication(relyingParty, userDetails));
		passkeyManager.setAuthenticationEventPublisher(events);
		http.webAuthn((webAuthn) -> webAuthn.rpName("DSR Desk")
			.disableDefaultRegistrationPage(true)
			.withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
				@Override
				public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
					filter.setAuthenticationManager(passkeyManager);
					filter.setMfaEnabled(true);
					return filter;
				}
			}));
		// Recovery codes.
		RecoveryCodeAuthentication recovery = new RecoveryCodeAuthentication(recoveryCodes);
		ProviderManager recoveryManager = new ProviderManager(recovery);
		recoveryManager.setAuthenticationEventPublisher(events);
		AuthenticationFilter recoveryFilter = new AuthenticationFilter(recoveryManager, recovery);
		recoveryFilter.setRequestMatcher(PathPatternRequestMatcher.pathPattern(HttpMethod.POST, RECOVERY_CODE_CHECK));
		recoveryFilter.setMfaEnabled(true);
		recoveryFilter.setSecurityContextRepository(new HttpSessionSecurityContextRepository());
		recoveryFilter.setSuccessHandler(toSavedPage);
		recoveryFilter.setFailureHandler(
				new SimpleUrlAuthenticationFailureHandler(SecondFactors.SECOND_FACTOR_PAGE + "?recoveryError"));
		http.addFilterBefore(recoveryFilter, BasicAuthenticationFilter.class);
	}

	/** Wraps the staff chain's page rules in {@link SecondFactors}. */
	private static final class SecondFactorRule
			implements ObjectPostProcessor<AuthorizationManager<HttpServletRequest>> {

		private final MfaRequirement requirement;

		SecondFactorRule(MfaRequirement requirement) {
			this.requirement = requirement;
		}

		@Override
		@SuppressWarnings("unchecked")
		public <O extends AuthorizationManager<HttpServletRequest>> O postProcess(O manager) {
			return (O) new SecondFactors(manager, this.requirement);
		}

	}

}
