package se.dsrdesk.account.session;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.web.http.CookieSerializer.CookieValue;

import jakarta.servlet.http.Cookie;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session cookie over HTTP and HTTPS (OWASP ASVS 5.0 V3.3.1: {@code Secure} and the
 * {@code __Host-} prefix; RFC 6265bis section 4.1.3.2).
 */
class SessionCookiesTest {

	final SessionCookies cookies = new SessionCookies();

	String write(MockHttpServletRequest request) {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.cookies.writeCookieValue(new CookieValue(request, response, "abc"));
		return response.getHeader("Set-Cookie");
	}

	@Test
	@DisplayName("Over HTTPS: __Host-JSESSIONID, Secure, HttpOnly, SameSite=Lax, Path=/ and no Domain")
	void overHttpsTheHostPrefixAndSecure() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setSecure(true);
		request.setScheme("https");
		String header = write(request);
		assertThat(header).startsWith("__Host-JSESSIONID=")
			.contains("; Secure")
			.contains("; HttpOnly")
			.contains("; SameSite=Lax")
			.contains("; Path=/")
			.doesNotContain("Domain");
	}

	@Test
	@DisplayName("Over plain HTTP (a local run): JSESSIONID without Secure, which a browser would not send back")
	void overPlainHttpNoPrefix() {
		String header = write(new MockHttpServletRequest());
		assertThat(header).startsWith("JSESSIONID=").doesNotContain("Secure").contains("; HttpOnly");
	}

	@Test
	@DisplayName("Over HTTPS only the __Host- cookie is read: a plain-HTTP cookie cannot be planted in its place")
	void overHttpsOnlyTheHostCookieIsRead() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setSecure(true);
		request.setCookies(new Cookie("JSESSIONID", "cGxhbnRlZA=="));
		assertThat(this.cookies.readCookieValues(request)).isEmpty();
		request.setCookies(new Cookie("__Host-JSESSIONID", "cmVhbA=="));
		assertThat(this.cookies.readCookieValues(request)).containsExactly("real");
	}

}
