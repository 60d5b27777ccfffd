package se.dsrdesk.request.representative;

/**
 * What gives a representative the right to make a request for the person it concerns
 * (Art. 12(2); EDPB Guidelines 01/2022 on the right of access, section 3.4).
 */
public enum RepresentativeAuthority {

	/** A holder of parental responsibility for a child (vårdnadshavare). */
	PARENT,

	/** A court-appointed guardian or administrator (god man, förvaltare). */
	GUARDIAN,

	/** A power of attorney (fullmakt) from the person. */
	POWER_OF_ATTORNEY,

	/** Another authority, described in the request. */
	OTHER

}
