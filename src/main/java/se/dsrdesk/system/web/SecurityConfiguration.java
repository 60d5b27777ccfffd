package se.dsrdesk.system.web;

import java.util.Map;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
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
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
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
import se.dsrdesk.system.SecurityRefusal;
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

	private static final String ADMIN = "ADMIN";

	private static final String CASE_HANDLER = "CASE_HANDLER";

	private static final String COMPLIANCE_OFFICER = "COMPLIANCE_OFFICER";

	/** Who may read request contents: never an admin by that role alone. */
	private static final String[] REQUEST_READERS = { CASE_HANDLER, COMPLIANCE_OFFICER };

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
			// The compliance officer's counts, as the dashboard page (figures, no
			// request contents).
			.requestMatchers(HttpMethod.GET, "/api/v1/dashboard")
			.hasAnyRole(COMPLIANCE_OFFICER, ADMIN)
			// Registering a request, acting on one and recording a task's outcome: case
			// handlers only, as on the pages.
			.requestMatchers(HttpMethod.POST, "/api/v1/requests", "/api/v1/requests/**")
			.hasRole(CASE_HANDLER)
			// Reading requests (their contents): case handlers and compliance officers.
			// An admin needs one of those roles too; a token carries its owner's roles.
			.requestMatchers(HttpMethod.GET, "/api/v1/requests", "/api/v1/requests/*")
			.hasAnyRole(REQUEST_READERS)
			// Looking for the person in a location's connected system reads their data
			// there: case handlers, as on the task page.
			.requestMatchers(HttpMethod.GET, "/api/v1/requests/*/tasks/*/connector/find")
			.hasRole(CASE_HANDLER)
			// Letters by post (the person's address and letters): case handlers, as on
			// the pages.
			.requestMatchers(HttpMethod.GET, "/api/v1/requests/*/letters", "/api/v1/requests/*/letters/*/pdf")
			.hasRole(CASE_HANDLER)
			// The answer package's builds (what is prepared for sending): case handlers,
			// as on the build's page.
			.requestMatchers(HttpMethod.GET, "/api/v1/requests/*/answer/package", "/api/v1/requests/*/answer/package/*")
			.hasRole(CASE_HANDLER)
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
			ObjectProvider<Consumer<HttpSecurity>> staffSignInMethods, ApplicationEventPublisher events)
			throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/", "/login", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
					"/brand/**")
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
			.hasRole(ADMIN)
			.requestMatchers(HttpMethod.GET, "/staff/audit", "/staff/audit/**")
			.hasAnyRole(COMPLIANCE_OFFICER, ADMIN)
			// The compliance officer's dashboard and the yearly report: figures and
			// references, no request contents.
			.requestMatchers("/staff/dashboard", "/staff/dashboard/**")
			.hasAnyRole(COMPLIANCE_OFFICER, ADMIN)
			// The audit trail is read-only: nothing may be sent to it.
			.requestMatchers("/staff/audit", "/staff/audit/**")
			.denyAll()
			// Exports for record keeping (requests for a period: dates and outcomes, no
			// names).
			.requestMatchers(HttpMethod.GET, "/staff/exports", "/staff/exports/**")
			.hasAnyRole(COMPLIANCE_OFFICER, ADMIN)
			.requestMatchers("/staff/exports", "/staff/exports/**")
			.denyAll()
			// The register of data locations: all staff read it, admins change it; a
			// location's owner (or an admin, checked in the service) records a review.
			.requestMatchers(HttpMethod.POST, "/staff/locations/*/review", "/staff/locations/*/mailboxes/review",
					"/staff/locations/*/mailboxes/keep")
			.authenticated()
			.requestMatchers("/staff/locations/new", "/staff/locations/*/edit")
			.hasRole(ADMIN)
			.requestMatchers(HttpMethod.POST, "/staff/locations", "/staff/locations/**")
			.hasRole(ADMIN)
			// Request contents (least privilege, docs/staff-sign-in.md): only case
			// handlers change anything on a request or its tasks, and register
			// one; case handlers and compliance officers read them (the inbox, a
			// request's page, attachments, retention, tasks). An admin needs one of those
			// roles as well.
			.requestMatchers("/staff/requests/new")
			.hasRole(CASE_HANDLER)
			// Letters to post: case handlers print them and record them as posted.
			.requestMatchers("/staff/letters", "/staff/letters/**")
			.hasRole(CASE_HANDLER)
			.requestMatchers(HttpMethod.POST, "/staff/requests/**", "/staff/tasks/**")
			.hasRole(CASE_HANDLER)
			// Restrictions in force (Art. 18(3)): read with the request's contents; case
			// handlers tell the person and lift them.
			.requestMatchers(HttpMethod.POST, "/staff/restrictions/**")
			.hasRole(CASE_HANDLER)
			.requestMatchers("/staff/requests", "/staff/requests/**", "/staff/tasks", "/staff/tasks/**",
					"/staff/restrictions/**")
			.hasAnyRole(REQUEST_READERS)
			// Held data erased at a location (from the location's page, where hold
			// reminders lead its owner, or the admins when it has none).
			.requestMatchers(HttpMethod.POST, "/staff/holds/*/erased")
			.hasAnyRole(CASE_HANDLER, ADMIN)
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
		// A refusal (403) is announced for the audit trail, then answered as before. It
		// is
		// the default handler, not the only one: a missing second factor must still lead
		// to the second-factor page (Spring Security's handler for missing factors comes
		// first and falls back to this one).
		AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();
		http.exceptionHandling((exceptions) -> exceptions.defaultAccessDeniedHandlerFor((request, response, denied) -> {
			events.publishEvent(new SecurityRefusal(HttpServletResponse.SC_FORBIDDEN, "PAGE",
					SecurityContextHolder.getContext().getAuthentication(), request.getMethod(),
					request.getRequestURI(), request.getRemoteAddr()));
			forbidden.handle(request, response, denied);
		}, AnyRequestMatcher.INSTANCE));
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
