package se.dsrdesk.account.sso;

import java.util.function.Consumer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

import se.dsrdesk.account.StaffUserRepository;
import se.dsrdesk.audit.AuditLog;

/**
 * Single sign-on through any OpenID Connect provider, with Spring Security's OAuth 2.0
 * login, when {@code dsr.security.sso.issuer} is set. A staff member is matched by the
 * provider's verified email address ({@code email_verified} true) to an active account;
 * the roles stay those given in DSR Desk, and no account is ever created by signing on.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${dsr.security.sso.issuer:}'.isBlank()")
class SsoConfiguration {

	/**
	 * The provider's name in Spring Security's paths: {@code /oauth2/authorization/sso}.
	 */
	static final String REGISTRATION_ID = "sso";

	@Bean
	ClientRegistrationRepository ssoClientRegistrations(SsoProperties properties) {
		ClientRegistration registration = ClientRegistrations.fromIssuerLocation(properties.issuer())
			.registrationId(REGISTRATION_ID)
			.clientId(properties.clientId())
			.clientSecret(properties.clientSecret())
			.scope("openid", "email", "profile")
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.build();
		return new InMemoryClientRegistrationRepository(registration);
	}

	@Bean
	StaffOidcUserService staffOidcUserService(StaffUserRepository users, AuditLog auditLog) {
		return new StaffOidcUserService(users, auditLog);
	}

	@Bean
	@Order(2)
	Consumer<HttpSecurity> staffSingleSignOn(ClientRegistrationRepository registrations, StaffOidcUserService oidcUsers,
			UserDetailsService userDetails, AuditLog auditLog) {
		SsoSuccessHandler success = new SsoSuccessHandler(userDetails, auditLog);
		return (http) -> {
			try {
				http.oauth2Login((login) -> login.loginPage("/login")
					.clientRegistrationRepository(registrations)
					.userInfoEndpoint((userInfo) -> userInfo.oidcUserService(oidcUsers))
					.successHandler(success)
					.failureHandler(new SimpleUrlAuthenticationFailureHandler("/login?ssoError")));
			}
			catch (Exception ex) {
				throw new IllegalStateException("Single sign-on could not be configured", ex);
			}
		};
	}

}
