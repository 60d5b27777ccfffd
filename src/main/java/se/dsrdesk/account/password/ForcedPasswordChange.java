package se.dsrdesk.account.password;

import java.io.IOException;
import java.util.function.Consumer;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import se.dsrdesk.account.StaffPrincipal;

/**
 * A staff member whose password was generated (the first administrator's random one,
 * printed in the log) reaches no staff page but the change-password page until they have
 * chosen their own. Runs after the page rules (and so after the second factor), on the
 * staff pages' filter chain only (the {@code staffSignInMethods} hook of
 * {@code system.web.SecurityConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class ForcedPasswordChange {

	static final String PAGE = "/staff/account/password";

	/** Set in the session where the required change was made. */
	private static final String CHANGED = ForcedPasswordChange.class.getName() + ".CHANGED";

	@Bean
	@Order(10)
	Consumer<HttpSecurity> forcedPasswordChangeFilter() {
		return (http) -> http.addFilterAfter(new Filter(), AuthorizationFilter.class);
	}

	/**
	 * Whether the signed-in user must still change their password in this session.
	 * @param user the user, may be {@code null}
	 * @param request the request
	 * @return whether a change is required
	 */
	static boolean isRequired(StaffPrincipal user, HttpServletRequest request) {
		if (user == null || !user.passwordChangeRequired()) {
			return false;
		}
		HttpSession session = request.getSession(false);
		return session == null || session.getAttribute(CHANGED) == null;
	}

	/**
	 * Notes that the user changed their password in this session (the account no longer
	 * requires it; the principal of this session still says it did).
	 * @param request the request
	 */
	static void changed(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.setAttribute(CHANGED, Boolean.TRUE);
		}
	}

	/** Staff pages but this one and those that finish signing in (second factor). */
	private static boolean isStaffPage(String path) {
		return (path.equals("/staff") || path.startsWith("/staff/")) && !path.equals(PAGE)
				&& !path.startsWith("/staff/sign-in/");
	}

	private static final class Filter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal user
					&& isStaffPage(path) && isRequired(user, request)) {
				response.sendRedirect(request.getContextPath() + PAGE);
				return;
			}
			chain.doFilter(request, response);
		}

	}

}
