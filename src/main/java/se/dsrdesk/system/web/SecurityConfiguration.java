package se.dsrdesk.system.web;

import java.util.Map;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.CookieRequestCache;

import se.dsrdesk.system.ApiCall;
import se.dsrdesk.system.api.ApiSecurityResponses;

/**
 * Who may reach what. Public pages need no sign-in; everything under {@code /staff} needs
 * a staff account, with the admin and audit areas restricted by role. The REST API under
 * {@code /api} has its own chain, first: stateless, no CSRF, a personal API token or HTTP
 * Basic on every call, and the same roles per action as the pages (docs/api.md).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/** The API's answers carry JSON only: nothing in them may load or frame anything. */
	static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

	/**
	 * The REST API: every call carries its credentials (a personal API token as Bearer,
	 * or a staff account's email and password by HTTP Basic), so there is no session, no
	 * cookie and no CSRF token. The roles per action are the pages' (see the rules in
	 * {@link #securityFilterChain}), and each controller method checks them again.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, AuthenticationConverter apiTokenConverter,
			AuthenticationManagerResolver<HttpServletRequest> apiTokenAuthentication, ApiSecurityResponses responses)
			throws Exception {
		AuthenticationFilter bearer = new AuthenticationFilter(apiTokenAuthentication, apiTokenConverter);
		bearer.setSuccessHandler((request, response, authentication) -> {
			// Carry on to the endpoint; the context lives in a request attribute only.
		});
		AuthenticationEntryPointFailureHandler bearerFailure = new AuthenticationEntryPointFailureHandler(responses);
		// A token that could not be checked (database away) is answered by the entry
		// point
		// too, as a problem (503), not thrown on to Spring's default error JSON.
		bearerFailure.setRethrowAuthenticationServiceException(false);
		bearer.setFailureHandler(bearerFailure);
		http.securityMatcher("/api/**");
		http.authorizeHttpRequests((requests) -> requests
			// The compliance officer's counts, as the dashboard page.
			.requestMatchers(HttpMethod.GET, "/api/v1/dashboard")
			.hasAnyRole("COMPLIANCE_OFFICER", "ADMIN")
			// Task outcomes, as on the task pages.
			.requestMatchers(HttpMethod.POST, "/api/v1/requests/*/tasks/*/outcome")
			.hasAnyRole("CASE_HANDLER", "ADMIN")
			// Registering a request and acting on one: case handlers only.
			.requestMatchers(HttpMethod.POST, "/api/v1/requests", "/api/v1/requests/*/*")
			.hasRole("CASE_HANDLER")
			// Reading requests: all staff.
			.requestMatchers(HttpMethod.GET, "/api/v1/requests", "/api/v1/requests/*")
			.authenticated()
			.anyRequest()
			.denyAll());
		http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		http.csrf((csrf) -> csrf.disable());
		http.requestCache((cache) -> cache.disable());
		http.logout((logout) -> logout.disable());
		http.httpBasic((basic) -> basic.authenticationEntryPoint(responses)
			.authenticationDetailsSource((request) -> new ApiCall(request.getRemoteAddr())));
		http.exceptionHandling(
				(exceptions) -> exceptions.authenticationEntryPoint(responses).accessDeniedHandler(responses));
		http.addFilterBefore(responses.throttleFilter(), LogoutFilter.class);
		http.addFilterBefore(bearer, BasicAuthenticationFilter.class);
		http.headers(
				(headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(API_CONTENT_SECURITY_POLICY))
					.frameOptions((frame) -> frame.deny()));
		return http.build();
	}

	/**
	 * Swagger UI applies a few inline styles: its pages alone may, with scripts still
	 * only from the application.
	 */
	static final String API_DOCS_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self';",
			"style-src 'self' 'unsafe-inline';");

	/**
	 * The API's OpenAPI description and its browsable page (Swagger UI), for anyone: they
	 * hold no data, only what the API offers, and every call still needs credentials
	 * (docs/api.md). Read only, without a session.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain apiDocsSecurityFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**");
		http.authorizeHttpRequests(
				(requests) -> requests.requestMatchers(HttpMethod.GET, "/**").permitAll().anyRequest().denyAll());
		http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		http.csrf((csrf) -> csrf.disable());
		http.requestCache((cache) -> cache.disable());
		http.logout((logout) -> logout.disable());
		http.headers((headers) -> headers
			.contentSecurityPolicy((csp) -> csp.policyDirectives(API_DOCS_CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.frameOptions((frame) -> frame.deny()));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationFailureHandler signInFailureHandler,
			ObjectProvider<Consumer<HttpSecurity>> staffSignInMethods) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/", "/login", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico")
			.permitAll()
			// Forgotten password, and choosing one's password through an invitation or
			// forgotten-password link (account.password): the link's secret is the key.
			.requestMatchers("/login/forgot-password", "/login/set-password")
			.permitAll()
			// The access extract's download link: the link's secret is the key.
			.requestMatchers(HttpMethod.GET, "/request/download/**")
			.permitAll()
			.requestMatchers("/request", "/request/**", "/privacy", "/privacy/**")
			.permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
			.permitAll()
			.requestMatchers("/staff/admin/**")
			.hasRole("ADMIN")
			.requestMatchers(HttpMethod.GET, "/staff/audit", "/staff/audit/**")
			.hasAnyRole("COMPLIANCE_OFFICER", "ADMIN")
			// The compliance officer's dashboard and the yearly report.
			.requestMatchers("/staff/dashboard", "/staff/dashboard/**")
			.hasAnyRole("COMPLIANCE_OFFICER", "ADMIN")
			// The audit trail is read-only: nothing may be sent to it.
			.requestMatchers("/staff/audit", "/staff/audit/**")
			.denyAll()
			// Exports for record keeping (requests for a period).
			.requestMatchers(HttpMethod.GET, "/staff/exports", "/staff/exports/**")
			.hasAnyRole("COMPLIANCE_OFFICER", "ADMIN")
			.requestMatchers("/staff/exports", "/staff/exports/**")
			.denyAll()
			// The register of data locations: all staff read it, admins change it; a
			// location's owner (or an admin, checked in the service) records a review.
			.requestMatchers(HttpMethod.POST, "/staff/locations/*/review")
			.authenticated()
			.requestMatchers("/staff/locations/new", "/staff/locations/*/edit")
			.hasRole("ADMIN")
			.requestMatchers(HttpMethod.POST, "/staff/locations", "/staff/locations/**")
			.hasRole("ADMIN")
			// Registering a request that arrived by email, letter, phone or in person;
			// the
			// inbox (GET /staff/requests) is for all staff under the general rule below.
			.requestMatchers("/staff/requests/new")
			.hasRole("CASE_HANDLER")
			// Work at the locations: tasks, retention holds, a request's tasks.
			.requestMatchers("/staff/tasks", "/staff/tasks/**", "/staff/holds/**", "/staff/requests/*/tasks")
			.hasAnyRole("CASE_HANDLER", "ADMIN")
			// A request's page: all staff read it; only case handlers act on it (an admin
			// or compliance officer needs the case handler role too).
			.requestMatchers(HttpMethod.POST, "/staff/requests/*/assign", "/staff/requests/*/start",
					"/staff/requests/*/identity", "/staff/requests/*/information", "/staff/requests/*/resume",
					"/staff/requests/*/extend", "/staff/requests/*/answer", "/staff/requests/*/reject",
					"/staff/requests/*/withdraw", "/staff/requests/*/notes", "/staff/requests/*/attachments",
					"/staff/requests/*/legal-hold", "/staff/requests/*/legal-hold/lift",
					"/staff/requests/*/attachments/*/delete", "/staff/requests/*/delay",
					"/staff/requests/*/extension-posted")
			.hasRole("CASE_HANDLER")
			.requestMatchers(HttpMethod.GET, "/staff/requests/*", "/staff/requests/*/attachments/*")
			.authenticated()
			.requestMatchers("/staff/**")
			.authenticated()
			.anyRequest()
			.denyAll());
		http.formLogin((form) -> form.loginPage("/login")
			.usernameParameter("email")
			.passwordParameter("password")
			.defaultSuccessUrl("/staff")
			.failureHandler(signInFailureHandler)
			.permitAll());
		http.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll());
		// A page that needs a sign-in remembers itself in a cookie, not in a server
		// session, so anonymous requests to staff URLs create no session
		// (docs/staff-sign-in.md).
		http.requestCache((cache) -> cache.requestCache(new CookieRequestCache()));
		// The CSRF token lives in a cookie, so anonymous visitors get no server session.
		http.csrf((csrf) -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository()));
		http.sessionManagement((sessions) -> sessions.sessionFixation((fixation) -> fixation.changeSessionId()));
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.frameOptions((frame) -> frame.deny())
			.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
					"camera=(), microphone=(), geolocation=(), payment=()")));
		// Second factors and single sign-on (account.mfa, account.sso) add their own
		// mechanisms and the second-factor rule to this chain only.
		staffSignInMethods.orderedStream().forEach((method) -> method.accept(http));
		return http.build();
	}

	/**
	 * Argon2id for new password hashes (OWASP's first choice; no 72-byte limit, so long
	 * passphrases count in full). Hashes made before, with bcrypt, still match and are
	 * re-hashed with Argon2id at the next sign-in ({@code UserDetailsPasswordService}).
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		String argon2 = "argon2@SpringSecurity_v5_8";
		return new DelegatingPasswordEncoder(argon2,
				Map.of(argon2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(), "bcrypt",
						new BCryptPasswordEncoder(), "noop", NoOpPasswordEncoder.getInstance()));
	}

}
