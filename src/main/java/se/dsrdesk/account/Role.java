package se.dsrdesk.account;

/**
 * What a staff user may do. A user may hold several roles.
 */
public enum Role {

	/** Manages staff accounts, the register of data locations and settings. */
	ADMIN,

	/** Works requests. */
	CASE_HANDLER,

	/** Watches deadlines and the audit trail; reads everything. */
	COMPLIANCE_OFFICER;

	/**
	 * The authority Spring Security checks for this role.
	 * @return the authority, such as {@code ROLE_ADMIN}
	 */
	public String authority() {
		return "ROLE_" + name();
	}

}
