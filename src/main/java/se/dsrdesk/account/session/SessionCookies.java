package se.dsrdesk.account.session;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie: {@code JSESSIONID} over plain HTTP (a local run), and over HTTPS
 * {@code __Host-JSESSIONID}, {@code Secure}, for the whole site and this host only.
 * Behind a TLS proxy the request counts as HTTPS when
 * {@code server.forward-headers-strategy} lets the proxy's {@code X-Forwarded-Proto}
 * through (docs/staff-sign-in.md).
 */
class SessionCookies implements CookieSerializer {

	static final String NAME = "JSESSIONID";

	static final String SECURE_NAME = "__Host-" + NAME;

	private final DefaultCookieSerializer plain = serializer(NAME, false);

	private final DefaultCookieSerializer secure = serializer(SECURE_NAME, true);

	private static DefaultCookieSerializer serializer(String name, boolean secure) {
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		serializer.setCookieName(name);
		serializer.setCookiePath("/");
		serializer.setUseHttpOnlyCookie(true);
		serializer.setSameSite("Lax");
		serializer.setUseSecureCookie(secure);
		return serializer;
	}

	@Override
	public void writeCookieValue(CookieValue cookieValue) {
		choose(cookieValue.getRequest()).writeCookieValue(cookieValue);
	}

	@Override
	public List<String> readCookieValues(HttpServletRequest request) {
		return choose(request).readCookieValues(request);
	}

	private DefaultCookieSerializer choose(HttpServletRequest request) {
		return request.isSecure() ? this.secure : this.plain;
	}

}
