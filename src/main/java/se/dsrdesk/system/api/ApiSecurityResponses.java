package se.dsrdesk.system.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import se.dsrdesk.system.ApiProblems;
import se.dsrdesk.system.SecurityRefusal;
import se.dsrdesk.system.SignInThrottledException;
import se.dsrdesk.system.web.WebConfiguration;

/**
 * The API filter chain's answers as problem details: 401 with the challenges for both
 * ways to authenticate, 403 for a role that does not allow the call, 429 for an address
 * that failed to authenticate too often, 503 when the credentials could not be checked
 * (the database did not answer). Each 401 counts against the address.
 */
@Component
public class ApiSecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	static final String REALM = "DSR Desk API";

	private final ApiProblems problems;

	private final ApiAuthenticationThrottle throttle;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	ApiSecurityResponses(ApiProblems problems, ApiAuthenticationThrottle throttle, JsonMapper json,
			ApplicationEventPublisher events) {
		this.problems = problems;
		this.throttle = throttle;
		this.json = json;
		this.events = events;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		if (authException instanceof AuthenticationServiceException) {
			// The credentials could not be checked (the database is away): not the
			// caller's fault, so not counted, and worth a retry.
			response.setHeader(HttpHeaders.RETRY_AFTER, "5");
			write(request, response,
					this.problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", locale(request)));
			return;
		}
		if (authException instanceof SignInThrottledException throttled) {
			// HTTP Basic at a name this address failed at too often (or from an address
			// over its sign-in limit): refused before the password was checked.
			tooManyRequests(request, response, throttled.retryAfterSeconds());
			return;
		}
		this.throttle.failed(request.getRemoteAddr());
		boolean triedBearer = hasScheme(request, "bearer");
		response.addHeader(HttpHeaders.WWW_AUTHENTICATE,
				"Bearer realm=\"" + REALM + "\"" + (triedBearer ? ", error=\"invalid_token\"" : ""));
		response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
		String kind = hasScheme(request, "") ? "bad-credentials" : "unauthenticated";
		write(request, response, this.problems.problem(HttpStatus.UNAUTHORIZED, kind, locale(request)));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		announce(request, HttpStatus.FORBIDDEN);
		write(request, response, this.problems.problem(HttpStatus.FORBIDDEN, "forbidden", locale(request)));
	}

	/**
	 * Refuses every call from an address that failed to authenticate too often, before
	 * its credentials are checked.
	 * @return the filter, for the API chain only
	 */
	public OncePerRequestFilter throttleFilter() {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				long seconds = ApiSecurityResponses.this.throttle.secondsBlocked(request.getRemoteAddr());
				if (seconds > 0) {
					announce(request, HttpStatus.TOO_MANY_REQUESTS);
					tooManyRequests(request, response, seconds);
					return;
				}
				chain.doFilter(request, response);
			}

		};
	}

	private void announce(HttpServletRequest request, HttpStatus status) {
		this.events.publishEvent(
				new SecurityRefusal(status.value(), "API", SecurityContextHolder.getContext().getAuthentication(),
						request.getMethod(), request.getRequestURI(), request.getRemoteAddr()));
	}

	void tooManyRequests(HttpServletRequest request, HttpServletResponse response, long seconds) throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		write(request, response,
				this.problems.problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-failures", locale(request), seconds));
	}

	void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		body.put("instance", request.getRequestURI());
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), body);
	}

	private static boolean hasScheme(HttpServletRequest request, String scheme) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		return header != null && !header.isBlank() && header.regionMatches(true, 0, scheme, 0, scheme.length());
	}

	static Locale locale(HttpServletRequest request) {
		return WebConfiguration.bestSupported(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
	}

}
