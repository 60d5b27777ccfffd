package se.dsrdesk.location;

/**
 * The legal basis of processing (GDPR Art. 6(1)).
 */
public enum LegalBasis {

	CONSENT, CONTRACT, LEGAL_OBLIGATION, VITAL_INTERESTS, PUBLIC_TASK, LEGITIMATE_INTEREST

}
