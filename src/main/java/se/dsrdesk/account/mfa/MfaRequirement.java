package se.dsrdesk.account.mfa;

import org.springframework.security.core.Authentication;

import se.dsrdesk.account.Role;

/**
 * Which staff must complete a second factor before they reach the staff pages.
 */
public enum MfaRequirement {

	/** Administrators only (the default). */
	ADMINS,

	/** Every staff member. */
	ALL,

	/** Nobody: a password alone signs in. */
	NONE;

	/**
	 * Whether a signed-in staff member must show a second factor.
	 * @param authentication who is signed in, may be {@code null}
	 * @return whether the requirement applies to them
	 */
	public boolean appliesTo(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()) {
			return false;
		}
		return switch (this) {
			case ALL -> true;
			case NONE -> false;
			case ADMINS -> authentication.getAuthorities()
				.stream()
				.anyMatch((authority) -> Role.ADMIN.authority().equals(authority.getAuthority()));
		};
	}

}
