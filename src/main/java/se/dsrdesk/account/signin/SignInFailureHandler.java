package se.dsrdesk.account.signin;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Sends a failed sign-in back to the sign-in page with the address that was typed. A
 * wrong password, an unknown address and a deactivated account all get the same message;
 * only a lock-out is told apart, and unknown addresses lock out just as accounts do.
 */
@Component("signInFailureHandler")
class SignInFailureHandler implements AuthenticationFailureHandler {

	private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();

	private final SignInGuard guard;

	SignInFailureHandler(SignInGuard guard) {
		this.guard = guard;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String email = request.getParameter("email");
		// The failure that reaches the limit locks the name at once: say so now, not on
		// the next try.
		boolean locked = exception instanceof LockedException || this.guard.lockedUntil(email).isPresent();
		String target = locked ? "/login?locked" : "/login?error";
		FlashMap flash = new FlashMap();
		if (email != null && email.length() <= 254) {
			flash.put("email", email);
		}
		flash.setTargetRequestPath(request.getContextPath() + "/login");
		this.flashMaps.saveOutputFlashMap(flash, request, response);
		response.sendRedirect(request.getContextPath() + target);
	}

}
