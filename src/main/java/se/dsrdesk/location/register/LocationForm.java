package se.dsrdesk.location.register;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import se.dsrdesk.account.StaffUser;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.location.DataLocation;
import se.dsrdesk.location.LegalBasis;
import se.dsrdesk.location.LocalizedText;
import se.dsrdesk.location.LocationDetails;
import se.dsrdesk.location.LocationKind;
import se.dsrdesk.location.Recipient;
import se.dsrdesk.location.RetentionRule;

/**
 * What an admin types to create or edit a data location: each free text in Swedish and
 * English.
 */
public class LocationForm {

	/** Recipient rows the form offers beyond those filled in. */
	static final int SPARE_RECIPIENT_ROWS = 2;

	@NotBlank(message = "{validation.required}")
	@Size(max = 200, message = "{validation.tooLong}")
	private String nameSv;

	@NotBlank(message = "{validation.required}")
	@Size(max = 200, message = "{validation.tooLong}")
	private String nameEn;

	@Size(max = 4000, message = "{validation.tooLong}")
	private String descriptionSv;

	@Size(max = 4000, message = "{validation.tooLong}")
	private String descriptionEn;

	@NotNull(message = "{validation.invalid}")
	private LocationKind kind;

	@NotNull(message = "{validation.invalid}")
	private Long ownerId;

	@Size(max = 2000, message = "{validation.tooLong}")
	private String dataCategoriesSv;

	@Size(max = 2000, message = "{validation.tooLong}")
	private String dataCategoriesEn;

	@Size(max = 2000, message = "{validation.tooLong}")
	private String purposesSv;

	@Size(max = 2000, message = "{validation.tooLong}")
	private String purposesEn;

	@NotNull(message = "{validation.invalid}")
	private LegalBasis legalBasis;

	private boolean directMarketing;

	@NotNull(message = "{validation.required}")
	private RetentionRule retentionRule = RetentionRule.NONE;

	@Valid
	private List<RecipientForm> recipients = new ArrayList<>();

	@Size(max = 2000, message = "{validation.tooLong}")
	private String sourceSv;

	@Size(max = 2000, message = "{validation.tooLong}")
	private String sourceEn;

	@NotBlank(message = "{validation.required}")
	@Size(max = 2000, message = "{validation.tooLong}")
	private String retentionSv;

	@NotBlank(message = "{validation.required}")
	@Size(max = 2000, message = "{validation.tooLong}")
	private String retentionEn;

	@Min(value = 1, message = "{location.months.range}")
	@Max(value = 1200, message = "{location.months.range}")
	private Integer retentionMonths;

	@Size(max = 4000, message = "{validation.tooLong}")
	private String erasureStepsSv;

	@Size(max = 4000, message = "{validation.tooLong}")
	private String erasureStepsEn;

	@Size(max = 2000, message = "{validation.tooLong}")
	private String erasureExceptionsSv;

	@Size(max = 2000, message = "{validation.tooLong}")
	private String erasureExceptionsEn;

	@NotNull(message = "{validation.required}")
	@Min(value = 1, message = "{location.reviewInterval.range}")
	@Max(value = 120, message = "{location.reviewInterval.range}")
	private Integer reviewIntervalMonths = 12;

	@NotEmpty(message = "{location.requestTypes.required}")
	private Set<RequestType> requestTypes = listable();

	private long version;

	static LocationForm of(DataLocation location) {
		LocationForm form = new LocationForm();
		form.nameSv = location.getName().sv();
		form.nameEn = location.getName().en();
		form.descriptionSv = location.getDescription().sv();
		form.descriptionEn = location.getDescription().en();
		form.kind = location.getKind();
		form.ownerId = (location.getOwner() != null) ? location.getOwner().getId() : null;
		form.dataCategoriesSv = location.getDataCategories().sv();
		form.dataCategoriesEn = location.getDataCategories().en();
		form.purposesSv = location.getPurposes().sv();
		form.purposesEn = location.getPurposes().en();
		form.legalBasis = location.getLegalBasis();
		form.directMarketing = location.isDirectMarketing();
		form.recipients = new ArrayList<>(location.getRecipients().stream().map(RecipientForm::of).toList());
		form.sourceSv = location.getSource().sv();
		form.sourceEn = location.getSource().en();
		form.retentionSv = location.getRetention().sv();
		form.retentionEn = location.getRetention().en();
		form.retentionMonths = location.getRetentionMonths();
		form.retentionRule = location.getRetentionRule();
		form.erasureStepsSv = location.getErasureSteps().sv();
		form.erasureStepsEn = location.getErasureSteps().en();
		form.erasureExceptionsSv = location.getErasureExceptions().sv();
		form.erasureExceptionsEn = location.getErasureExceptions().en();
		form.reviewIntervalMonths = location.getReviewIntervalMonths();
		form.requestTypes = location.getRequestTypes();
		form.version = location.getVersion();
		return form;
	}

	/**
	 * Adds empty recipient rows so that the form always offers a few to fill in.
	 * @return this form
	 */
	LocationForm withSpareRows() {
		long filled = this.recipients.stream().filter((r) -> !r.isEmpty()).count();
		this.recipients.removeIf(RecipientForm::isEmpty);
		for (long i = 0; i < SPARE_RECIPIENT_ROWS || filled + i < 1; i++) {
			this.recipients.add(new RecipientForm());
		}
		return this;
	}

	LocationDetails toDetails(StaffUser owner) {
		List<Recipient> list = this.recipients.stream()
			.filter((r) -> !r.isEmpty())
			.map((r) -> new Recipient(r.getName(), r.getRole(), r.getCountry(), r.getSafeguard(), r.getSafeguardSv()))
			.toList();
		return new LocationDetails(new LocalizedText(this.nameSv, this.nameEn),
				new LocalizedText(this.descriptionSv, this.descriptionEn), this.kind, owner,
				new LocalizedText(this.dataCategoriesSv, this.dataCategoriesEn),
				new LocalizedText(this.purposesSv, this.purposesEn), this.legalBasis, list,
				new LocalizedText(this.sourceSv, this.sourceEn), new LocalizedText(this.retentionSv, this.retentionEn),
				this.retentionMonths, new LocalizedText(this.erasureStepsSv, this.erasureStepsEn),
				new LocalizedText(this.erasureExceptionsSv, this.erasureExceptionsEn), this.reviewIntervalMonths,
				this.requestTypes, this.directMarketing, this.retentionRule);
	}

	public RetentionRule getRetentionRule() {
		return this.retentionRule;
	}

	public void setRetentionRule(RetentionRule retentionRule) {
		this.retentionRule = retentionRule;
	}

	public boolean isDirectMarketing() {
		return this.directMarketing;
	}

	public void setDirectMarketing(boolean directMarketing) {
		this.directMarketing = directMarketing;
	}

	public String getNameSv() {
		return this.nameSv;
	}

	public void setNameSv(String nameSv) {
		this.nameSv = nameSv;
	}

	public String getNameEn() {
		return this.nameEn;
	}

	public void setNameEn(String nameEn) {
		this.nameEn = nameEn;
	}

	public String getDescriptionSv() {
		return this.descriptionSv;
	}

	public void setDescriptionSv(String descriptionSv) {
		this.descriptionSv = descriptionSv;
	}

	public String getDescriptionEn() {
		return this.descriptionEn;
	}

	public void setDescriptionEn(String descriptionEn) {
		this.descriptionEn = descriptionEn;
	}

	public LocationKind getKind() {
		return this.kind;
	}

	public void setKind(LocationKind kind) {
		this.kind = kind;
	}

	public Long getOwnerId() {
		return this.ownerId;
	}

	public void setOwnerId(Long ownerId) {
		this.ownerId = ownerId;
	}

	public String getDataCategoriesSv() {
		return this.dataCategoriesSv;
	}

	public void setDataCategoriesSv(String dataCategoriesSv) {
		this.dataCategoriesSv = dataCategoriesSv;
	}

	public String getDataCategoriesEn() {
		return this.dataCategoriesEn;
	}

	public void setDataCategoriesEn(String dataCategoriesEn) {
		this.dataCategoriesEn = dataCategoriesEn;
	}

	public String getPurposesSv() {
		return this.purposesSv;
	}

	public void setPurposesSv(String purposesSv) {
		this.purposesSv = purposesSv;
	}

	public String getPurposesEn() {
		return this.purposesEn;
	}

	public void setPurposesEn(String purposesEn) {
		this.purposesEn = purposesEn;
	}

	public LegalBasis getLegalBasis() {
		return this.legalBasis;
	}

	public void setLegalBasis(LegalBasis legalBasis) {
		this.legalBasis = legalBasis;
	}

	public List<RecipientForm> getRecipients() {
		return this.recipients;
	}

	public void setRecipients(List<RecipientForm> recipients) {
		this.recipients = (recipients != null) ? recipients : new ArrayList<>();
	}

	public String getSourceSv() {
		return this.sourceSv;
	}

	public void setSourceSv(String sourceSv) {
		this.sourceSv = sourceSv;
	}

	public String getSourceEn() {
		return this.sourceEn;
	}

	public void setSourceEn(String sourceEn) {
		this.sourceEn = sourceEn;
	}

	public String getRetentionSv() {
		return this.retentionSv;
	}

	public void setRetentionSv(String retentionSv) {
		this.retentionSv = retentionSv;
	}

	public String getRetentionEn() {
		return this.retentionEn;
	}

	public void setRetentionEn(String retentionEn) {
		this.retentionEn = retentionEn;
	}

	public Integer getRetentionMonths() {
		return this.retentionMonths;
	}

	public void setRetentionMonths(Integer retentionMonths) {
		this.retentionMonths = retentionMonths;
	}

	public String getErasureStepsSv() {
		return this.erasureStepsSv;
	}

	public void setErasureStepsSv(String erasureStepsSv) {
		this.erasureStepsSv = erasureStepsSv;
	}

	public String getErasureStepsEn() {
		return this.erasureStepsEn;
	}

	public void setErasureStepsEn(String erasureStepsEn) {
		this.erasureStepsEn = erasureStepsEn;
	}

	public String getErasureExceptionsSv() {
		return this.erasureExceptionsSv;
	}

	public void setErasureExceptionsSv(String erasureExceptionsSv) {
		this.erasureExceptionsSv = erasureExceptionsSv;
	}

	public String getErasureExceptionsEn() {
		return this.erasureExceptionsEn;
	}

	public void setErasureExceptionsEn(String erasureExceptionsEn) {
		this.erasureExceptionsEn = erasureExceptionsEn;
	}

	public Integer getReviewIntervalMonths() {
		return this.reviewIntervalMonths;
	}

	public void setReviewIntervalMonths(Integer reviewIntervalMonths) {
		this.reviewIntervalMonths = reviewIntervalMonths;
	}

	public Set<RequestType> getRequestTypes() {
		return this.requestTypes;
	}

	public void setRequestTypes(Set<RequestType> requestTypes) {
		this.requestTypes = (requestTypes != null) ? requestTypes : EnumSet.noneOf(RequestType.class);
	}

	/**
	 * The types a location can list: all but a withdrawal of consent, which reaches every
	 * consent-based location by its legal basis (Art. 7(3)).
	 * @return the types, in order
	 */
	static Set<RequestType> listable() {
		Set<RequestType> types = EnumSet.allOf(RequestType.class);
		types.removeIf(RequestType::followsConsent);
		return types;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	/**
	 * One recipient row. An empty row is ignored; a started one needs a name, a role and
	 * a country.
	 */
	public static class RecipientForm {

		@Size(max = 200, message = "{validation.tooLong}")
		private String name;

		private Recipient.Role role;

		@Size(max = 100, message = "{validation.tooLong}")
		private String country;

		@Size(max = 500, message = "{validation.tooLong}")
		private String safeguard;

		@Size(max = 500, message = "{validation.tooLong}")
		private String safeguardSv;

		static RecipientForm of(Recipient recipient) {
			RecipientForm form = new RecipientForm();
			form.name = recipient.getName();
			form.role = recipient.getRole();
			form.country = recipient.getCountry();
			form.safeguard = recipient.getSafeguard();
			form.safeguardSv = recipient.getSafeguardSv();
			return form;
		}

		boolean isEmpty() {
			return isBlank(this.name) && isBlank(this.country) && isBlank(this.safeguard) && isBlank(this.safeguardSv);
		}

		static boolean isBlank(String value) {
			return value == null || value.isBlank();
		}

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public Recipient.Role getRole() {
			return this.role;
		}

		public void setRole(Recipient.Role role) {
			this.role = role;
		}

		public String getCountry() {
			return this.country;
		}

		public void setCountry(String country) {
			this.country = country;
		}

		public String getSafeguard() {
			return this.safeguard;
		}

		public void setSafeguard(String safeguard) {
			this.safeguard = safeguard;
		}

		public String getSafeguardSv() {
			return this.safeguardSv;
		}

		public void setSafeguardSv(String safeguardSv) {
			this.safeguardSv = safeguardSv;
		}

	}

}
