package se.dsrdesk.account.mfa;

import se.dsrdesk.audit.Actor;

/**
 * How second-factor and single sign-on events name the staff member in the audit trail:
 * by account id only, no address.
 */
public final class MfaAudit {

	private MfaAudit() {
	}

	/**
	 * The audit trail's actor for a staff account.
	 * @param staffUserId the account's id
	 * @return the actor, labelled with the id only
	 */
	public static Actor actor(long staffUserId) {
		return new Actor(staffUserId, "staff-user:" + staffUserId);
	}

}
