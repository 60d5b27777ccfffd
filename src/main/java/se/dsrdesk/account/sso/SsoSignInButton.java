package se.dsrdesk.account.sso;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the sign-in page to offer the single sign-on button, only when single sign-on is
 * configured.
 */
@ControllerAdvice
@ConditionalOnExpression("!'${dsr.security.sso.issuer:}'.isBlank()")
class SsoSignInButton {

	@ModelAttribute("ssoSignIn")
	String ssoSignIn() {
		return "/oauth2/authorization/" + SsoConfiguration.REGISTRATION_ID;
	}

}
