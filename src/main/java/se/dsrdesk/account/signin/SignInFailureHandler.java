package se.dsrdesk.account.signin;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseCookie;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

import se.dsrdesk.system.SignInThrottledException;

/**
 * Sends a failed sign-in back to the sign-in page with the address that was typed. A
 * wrong password, an unknown address and a deactivated account all get the same message;
 * only a wait (too many failures from this client address) is told apart, and unknown
 * addresses are made to wait just as accounts are.
 * <p>
 * A failed sign-in creates no server session: the typed address goes back to the sign-in
 * page in a short-lived cookie for that page only, not in a flash attribute.
 */
@Component("signInFailureHandler")
class SignInFailureHandler implements AuthenticationFailureHandler {

	/** The cookie that carries the typed address back to the sign-in page. */
	static final String EMAIL_COOKIE = "dsr-signin-email";

	private static final Duration EMAIL_COOKIE_LIFETIME = Duration.ofMinutes(2);

	private final SignInGuard guard;

	SignInFailureHandler(SignInGuard guard) {
		this.guard = guard;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String email = request.getParameter("email");
		// The failure that starts a wait says so at once, not on the next try.
		long wait = (exception instanceof SignInThrottledException throttled) ? throttled.retryAfterSeconds()
				: this.guard.secondsToWait(email, request.getRemoteAddr());
		String target = (wait > 0) ? "/login?wait=" + wait : "/login?error";
		if (email != null && email.length() <= 254) {
			response.addHeader("Set-Cookie", emailCookie(request, email, EMAIL_COOKIE_LIFETIME).toString());
		}
		response.sendRedirect(request.getContextPath() + target);
	}

	static ResponseCookie emailCookie(HttpServletRequest request, String value, Duration maxAge) {
		return ResponseCookie.from(EMAIL_COOKIE, URLEncoder.encode(value, StandardCharsets.UTF_8))
			.path(request.getContextPath() + "/login")
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Strict")
			.maxAge(maxAge)
			.build();
	}

	/**
	 * Reads and forgets the typed address.
	 * @param request the sign-in page's request
	 * @param response its response, which clears the cookie
	 * @return the address typed at the failed attempt, or {@code null}
	 */
	static String takeEmail(HttpServletRequest request, HttpServletResponse response) {
		if (request.getCookies() == null) {
			return null;
		}
		for (Cookie cookie : request.getCookies()) {
			if (EMAIL_COOKIE.equals(cookie.getName())) {
				response.addHeader("Set-Cookie", emailCookie(request, "", Duration.ZERO).toString());
				try {
					String email = URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8);
					return (email.length() <= 254) ? email : null;
				}
				catch (IllegalArgumentException ex) {
					return null;
				}
			}
		}
		return null;
	}

}
