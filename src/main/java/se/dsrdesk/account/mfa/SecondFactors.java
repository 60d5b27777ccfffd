package se.dsrdesk.account.mfa;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The second-factor rule on top of the page rules (Spring Security's multi-factor
 * authentication): where {@code dsr.security.mfa.required} applies to the signed-in staff
 * member, a staff page needs one of
 * <ul>
 * <li>a password and a code sent by email ({@code FACTOR_PASSWORD} +
 * {@code FACTOR_OTT}),</li>
 * <li>a password and a recovery code ({@code FACTOR_PASSWORD} +
 * {@value #RECOVERY_CODE_AUTHORITY}),</li>
 * <li>a passkey ({@code FACTOR_WEBAUTHN}: something held, unlocked by the device),</li>
 * <li>single sign-on ({@code FACTOR_AUTHORIZATION_CODE}: the identity provider's own
 * factors).</li>
 * </ul>
 * A missing factor is answered by Spring Security's missing-authority handling, which
 * leads to the second-factor page. The page itself, and signing out, need no second
 * factor. The API (its own chain) is not affected.
 */
final class SecondFactors implements AuthorizationManager<HttpServletRequest> {

	/** The factor a recovery code proves. */
	static final String RECOVERY_CODE_AUTHORITY = "FACTOR_RECOVERY_CODE";

	/** The second-factor page and its actions, reachable with the first factor alone. */
	static final String SECOND_FACTOR_PAGE = "/staff/sign-in/second-factor";

	private static final RequestMatcher GATED = PathPatternRequestMatcher.pathPattern("/staff/**");

	private static final RequestMatcher EXEMPT = PathPatternRequestMatcher.pathPattern(SECOND_FACTOR_PAGE + "/**");

	/**
	 * Spring Security's passkey registration endpoints (POST to register, DELETE to
	 * remove), outside {@code /staff}: signed-in staff only, with the second factor.
	 */
	static final RequestMatcher PASSKEY_REGISTRATION = new OrRequestMatcher(
			PathPatternRequestMatcher.pathPattern("/webauthn/register"),
			PathPatternRequestMatcher.pathPattern("/webauthn/register/**"));

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	private final AuthorizationManager<HttpServletRequest> pageRules;

	private final MfaRequirement requirement;

	private final AuthorizationManager<HttpServletRequest> factors = AllRequiredFactorsAuthorizationManager.anyOf(
			AllRequiredFactorsAuthorizationManager.<HttpServletRequest>builder()
				.requireFactor((factor) -> factor.passwordAuthority())
				.requireFactor((factor) -> factor.ottAuthority())
				.build(),
			AllRequiredFactorsAuthorizationManager.<HttpServletRequest>builder()
				.requireFactor((factor) -> factor.passwordAuthority())
				.requireFactor((factor) -> factor.authority(RECOVERY_CODE_AUTHORITY))
				.build(),
			AllRequiredFactorsAuthorizationManager.<HttpServletRequest>builder()
				.requireFactor((factor) -> factor.webauthnAuthority())
				.build(),
			AllRequiredFactorsAuthorizationManager.<HttpServletRequest>builder()
				.requireFactor((factor) -> factor.authority(FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY))
				.build());

	SecondFactors(AuthorizationManager<HttpServletRequest> pageRules, MfaRequirement requirement) {
		this.pageRules = pageRules;
		this.requirement = requirement;
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			HttpServletRequest request) {
		boolean registration = PASSKEY_REGISTRATION.matches(request);
		AuthorizationResult result = registration ? signedIn(authentication.get())
				: this.pageRules.authorize(authentication, request);
		if (result == null || !result.isGranted()) {
			return result;
		}
		if ((registration || (GATED.matches(request) && !EXEMPT.matches(request)))
				&& this.requirement.appliesTo(authentication.get())) {
			AuthorizationResult factorResult = this.factors.authorize(authentication, request);
			if (factorResult != null && !factorResult.isGranted()) {
				return factorResult;
			}
		}
		return result;
	}

	private static AuthorizationResult signedIn(Authentication authentication) {
		return new AuthorizationDecision(authentication != null && TRUST.isFullyAuthenticated(authentication));
	}

	/**
	 * Whether a signed-in staff member has shown a second factor in this session.
	 * @param authentication who is signed in
	 * @return whether a second factor is on record
	 */
	static boolean hasSecondFactor(Authentication authentication) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.map((authority) -> authority.getAuthority())
			.anyMatch((name) -> FactorGrantedAuthority.OTT_AUTHORITY.equals(name)
					|| FactorGrantedAuthority.WEBAUTHN_AUTHORITY.equals(name) || RECOVERY_CODE_AUTHORITY.equals(name)
					|| FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY.equals(name));
	}

}
