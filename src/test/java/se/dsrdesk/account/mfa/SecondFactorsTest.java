package se.dsrdesk.account.mfa;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.FactorAuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second-factor rule on top of the page rules, for each setting of
 * {@code dsr.security.mfa.required}.
 */
class SecondFactorsTest {

	static Authentication signedIn(String role, String... factors) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
		for (String factor : factors) {
			authorities.add(FactorGrantedAuthority.fromAuthority(factor));
		}
		return UsernamePasswordAuthenticationToken.authenticated("someone", null, authorities);
	}

	static boolean granted(MfaRequirement requirement, Authentication authentication, String method, String path) {
		SecondFactors rule = new SecondFactors((auth, request) -> new AuthorizationDecision(true), requirement);
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.setServletPath(path);
		return rule.authorize(() -> authentication, request).isGranted();
	}

	@Nested
	class Admins {

		@Test
		void anAdministratorWithAPasswordAloneIsHeldAtEveryStaffPage() {
			Authentication admin = signedIn("ADMIN", FactorGrantedAuthority.PASSWORD_AUTHORITY);
			assertThat(granted(MfaRequirement.ADMINS, admin, "GET", "/staff")).isFalse();
			assertThat(granted(MfaRequirement.ADMINS, admin, "GET", "/staff/admin/accounts")).isFalse();
			assertThat(granted(MfaRequirement.ADMINS, admin, "POST", "/webauthn/register")).isFalse();
		}

		@Test
		void theMissingFactorsAreNamedSoThatSpringSecurityLeadsToTheSecondFactorPage() {
			Authentication admin = signedIn("ADMIN", FactorGrantedAuthority.PASSWORD_AUTHORITY);
			SecondFactors rule = new SecondFactors((auth, request) -> new AuthorizationDecision(true),
					MfaRequirement.ADMINS);
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/staff");
			request.setServletPath("/staff");
			assertThat(rule.authorize(() -> admin, request)).isInstanceOfSatisfying(FactorAuthorizationDecision.class,
					(decision) -> assertThat(decision.getFactorErrors()).first()
						.satisfies((error) -> assertThat(error.getRequiredFactor().getAuthority())
							.isEqualTo(FactorGrantedAuthority.OTT_AUTHORITY)));
		}

		@Test
		void theSecondFactorPageItselfAndThePublicPagesNeedNoSecondFactor() {
			Authentication admin = signedIn("ADMIN", FactorGrantedAuthority.PASSWORD_AUTHORITY);
			assertThat(granted(MfaRequirement.ADMINS, admin, "GET", "/staff/sign-in/second-factor")).isTrue();
			assertThat(granted(MfaRequirement.ADMINS, admin, "POST", "/staff/sign-in/second-factor/code")).isTrue();
			assertThat(granted(MfaRequirement.ADMINS, admin, "GET", "/request")).isTrue();
		}

		@Test
		void eachSecondFactorLetsAnAdministratorIn() {
			String password = FactorGrantedAuthority.PASSWORD_AUTHORITY;
			assertThat(granted(MfaRequirement.ADMINS, signedIn("ADMIN", password, FactorGrantedAuthority.OTT_AUTHORITY),
					"GET", "/staff"))
				.isTrue();
			assertThat(granted(MfaRequirement.ADMINS,
					signedIn("ADMIN", password, SecondFactors.RECOVERY_CODE_AUTHORITY), "GET", "/staff"))
				.isTrue();
			assertThat(granted(MfaRequirement.ADMINS, signedIn("ADMIN", FactorGrantedAuthority.WEBAUTHN_AUTHORITY),
					"GET", "/staff"))
				.isTrue();
			assertThat(granted(MfaRequirement.ADMINS,
					signedIn("ADMIN", FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY), "GET", "/staff"))
				.isTrue();
		}

		@Test
		void aCodeByEmailWithoutThePasswordIsNotEnough() {
			assertThat(granted(MfaRequirement.ADMINS, signedIn("ADMIN", FactorGrantedAuthority.OTT_AUTHORITY), "GET",
					"/staff"))
				.isFalse();
		}

		@Test
		void otherStaffAreNotAsked() {
			assertThat(granted(MfaRequirement.ADMINS,
					signedIn("CASE_HANDLER", FactorGrantedAuthority.PASSWORD_AUTHORITY), "GET", "/staff"))
				.isTrue();
		}

	}

	@Test
	void allAsksEveryStaffMember() {
		assertThat(granted(MfaRequirement.ALL, signedIn("CASE_HANDLER", FactorGrantedAuthority.PASSWORD_AUTHORITY),
				"GET", "/staff"))
			.isFalse();
	}

	@Test
	void noneAsksNobody() {
		assertThat(granted(MfaRequirement.NONE, signedIn("ADMIN", FactorGrantedAuthority.PASSWORD_AUTHORITY), "GET",
				"/staff/admin/accounts"))
			.isTrue();
	}

	@Test
	void aPageRuleThatRefusesStillRefuses() {
		SecondFactors rule = new SecondFactors((auth, request) -> new AuthorizationDecision(false),
				MfaRequirement.NONE);
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/staff/admin/accounts");
		request.setServletPath("/staff/admin/accounts");
		assertThat(rule
			.authorize(() -> signedIn("ADMIN", FactorGrantedAuthority.OTT_AUTHORITY,
					FactorGrantedAuthority.PASSWORD_AUTHORITY), request)
			.isGranted()).isFalse();
	}

	@Test
	void emailCodesAreReadAsTypedWithoutDashesSpacesOrCase() {
		assertThat(EmailCodes.normalise(" abcd-efgh ")).isEqualTo("ABCDEFGH");
		assertThat(EmailCodes.normalise("ABCD0FGH")).isNull();
		assertThat(EmailCodes.normalise("ABCDEFG")).isNull();
		assertThat(RecoveryCodes.normalise("ABCDE-FGHJK")).isEqualTo("abcdefghjk");
		assertThat(RecoveryCodes.normalise("abcde-fghj")).isNull();
	}

}
