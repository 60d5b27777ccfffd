package se.dsrdesk.location;

import java.util.List;
import java.util.Set;

import se.dsrdesk.account.StaffUser;
import se.dsrdesk.request.RequestType;

/**
 * What an admin records about a data location.
 *
 * @param name what it is called
 * @param description what it is
 * @param kind what sort of place it is
 * @param owner who answers for it
 * @param dataCategories the categories of personal data held there
 * @param purposes why the data is held
 * @param legalBasis the legal basis of processing
 * @param recipients processors and other recipients
 * @param source where the data comes from
 * @param retention the retention rule in words
 * @param retentionMonths the retention period in months, where it is fixed
 * @param erasureSteps how erasure is done, by hand
 * @param erasureExceptions the exceptions to erasure that may apply
 * @param reviewIntervalMonths how often the location is reviewed
 * @param requestTypes the request types it applies to
 * @param directMarketing whether the purpose is direct marketing, where an objection is
 * absolute (Art. 21(3))
 * @param retentionRule how the date until which retained data is kept is computed
 */
public record LocationDetails(LocalizedText name, LocalizedText description, LocationKind kind, StaffUser owner,
		LocalizedText dataCategories, LocalizedText purposes, LegalBasis legalBasis, List<Recipient> recipients,
		LocalizedText source, LocalizedText retention, Integer retentionMonths, LocalizedText erasureSteps,
		LocalizedText erasureExceptions, int reviewIntervalMonths, Set<RequestType> requestTypes,
		boolean directMarketing, RetentionRule retentionRule) {

	/** A location whose retention date is typed by hand. */
	public LocationDetails(LocalizedText name, LocalizedText description, LocationKind kind, StaffUser owner,
			LocalizedText dataCategories, LocalizedText purposes, LegalBasis legalBasis, List<Recipient> recipients,
			LocalizedText source, LocalizedText retention, Integer retentionMonths, LocalizedText erasureSteps,
			LocalizedText erasureExceptions, int reviewIntervalMonths, Set<RequestType> requestTypes,
			boolean directMarketing) {
		this(name, description, kind, owner, dataCategories, purposes, legalBasis, recipients, source, retention,
				retentionMonths, erasureSteps, erasureExceptions, reviewIntervalMonths, requestTypes, directMarketing,
				RetentionRule.NONE);
	}

	/** A location whose purpose is not direct marketing. */
	public LocationDetails(LocalizedText name, LocalizedText description, LocationKind kind, StaffUser owner,
			LocalizedText dataCategories, LocalizedText purposes, LegalBasis legalBasis, List<Recipient> recipients,
			LocalizedText source, LocalizedText retention, Integer retentionMonths, LocalizedText erasureSteps,
			LocalizedText erasureExceptions, int reviewIntervalMonths, Set<RequestType> requestTypes) {
		this(name, description, kind, owner, dataCategories, purposes, legalBasis, recipients, source, retention,
				retentionMonths, erasureSteps, erasureExceptions, reviewIntervalMonths, requestTypes, false);
	}

}
