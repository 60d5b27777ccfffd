package se.dsrdesk.location;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import se.dsrdesk.account.StaffUser;
import se.dsrdesk.request.RequestType;

/**
 * A place where personal data lives: one entry of the register (a light GDPR Art. 30
 * record). Admins maintain it; once in use it is deactivated, never deleted, so that
 * tasks and holds keep pointing at it.
 */
@Entity
@Table(name = "data_location")
public class DataLocation {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Embedded
	@AttributeOverrides({ @AttributeOverride(name = "sv", column = @Column(name = "name_sv")),
			@AttributeOverride(name = "en", column = @Column(name = "name_en")) })
	private LocalizedText name;

	@Embedded
	@AttributeOverrides({ @AttributeOverride(name = "sv", column = @Column(name = "description_sv")),
			@AttributeOverride(name = "en", column = @Column(name = "description_en")) })
	private LocalizedText description;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private LocationKind kind;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "owner_id")
	private StaffUser owner;

	@Embedded
	@AttributeOverrides({ @AttributeOverride(name = "sv", column = @Column(name = "data_categories_sv")),
			@AttributeOverride(name = "en", column = @Column(name = "data_categories_en")) })
	private LocalizedText dataCategories;

	@Embedded
	@AttributeOverrides({ @AttributeOverride(name = "sv", column = @Column(name = "purposes_sv")),
			@AttributeOverride(name = "en", column = @Column(name = "purposes_en")) })
	private LocalizedText purposes;

	@Enumerated(EnumType.STRING)
	@Column(name = "legal_basis", nullable = false)
	private LegalBasis legalBasis;

	/**
	 * Whether the purpose is direct marketing: an objection to it is absolute (Art.
	 * 21(3)).
	 */
	@Column(name = "direct_marketing", nullable = false)
	private boolean directMarketing;

	@ElementCollection
	@CollectionTable(name = "data_location_recipient", joinColumns = @JoinColumn(name = "location_id"))
	@OrderColumn(name = "position")
	private List<Recipient> recipients = new ArrayList<>();

	@Embedded
	@AttributeOverrides({ @AttributeOverride(name = "sv", column = @Column(name = "source_sv")),
			@AttributeOverride(name = "en", column = @Column(name = "source_en")) })
	private LocalizedText source;

	@Embedded
	@AttributeOverrides({ @AttributeOverride(name = "sv", column = @Column(name = "retention_sv")),
			@AttributeOverride(name = "en", column = @Column(name = "retention_en")) })
	private LocalizedText retention;

	@Column(name = "retention_months")
	private Integer retentionMonths;

	@Enumerated(EnumType.STRING)
	@Column(name = "retention_rule", nullable = false)
	private RetentionRule retentionRule = RetentionRule.NONE;

	@Embedded
	@AttributeOverrides({ @AttributeOverride(name = "sv", column = @Column(name = "erasure_steps_sv")),
			@AttributeOverride(name = "en", column = @Column(name = "erasure_steps_en")) })
	private LocalizedText erasureSteps;

	@Embedded
	@AttributeOverrides({ @AttributeOverride(name = "sv", column = @Column(name = "erasure_exceptions_sv")),
			@AttributeOverride(name = "en", column = @Column(name = "erasure_exceptions_en")) })
	private LocalizedText erasureExceptions;

	@Column(name = "review_interval_months", nullable = false)
	private int reviewIntervalMonths;

	@Column(name = "last_reviewed_on")
	private LocalDate lastReviewedOn;

	@Column(name = "next_review_due", nullable = false)
	private LocalDate nextReviewDue;

	@ElementCollection
	@CollectionTable(name = "data_location_request_type", joinColumns = @JoinColumn(name = "location_id"))
	@Column(name = "request_type", nullable = false)
	@Enumerated(EnumType.STRING)
	private Set<RequestType> requestTypes = EnumSet.noneOf(RequestType.class);

	@Column(nullable = false)
	private boolean active;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	protected DataLocation() {
	}

	/**
	 * A new, active location; its first review is due one interval from today.
	 * @param details what the admin recorded
	 * @param today the controller's date
	 * @param now the current time
	 * @return the location
	 */
	static DataLocation create(LocationDetails details, LocalDate today, Instant now) {
		DataLocation location = new DataLocation();
		location.apply(details);
		location.nextReviewDue = today.plusMonths(details.reviewIntervalMonths());
		location.active = true;
		location.createdAt = now;
		location.updatedAt = now;
		return location;
	}

	void update(LocationDetails details, Instant now) {
		int previousInterval = this.reviewIntervalMonths;
		apply(details);
		if (previousInterval != this.reviewIntervalMonths) {
			LocalDate base = (this.lastReviewedOn != null) ? this.lastReviewedOn
					: this.nextReviewDue.minusMonths(previousInterval);
			this.nextReviewDue = base.plusMonths(this.reviewIntervalMonths);
		}
		this.updatedAt = now;
	}

	void deactivate(Instant now) {
		this.active = false;
		this.updatedAt = now;
	}

	void reactivate(Instant now) {
		this.active = true;
		this.updatedAt = now;
	}

	/**
	 * Records a review: the next is due one interval from today.
	 * @param today the controller's date
	 * @param now the current time
	 */
	void reviewed(LocalDate today, Instant now) {
		this.lastReviewedOn = today;
		this.nextReviewDue = today.plusMonths(this.reviewIntervalMonths);
		this.updatedAt = now;
	}

	private void apply(LocationDetails details) {
		this.name = details.name();
		this.description = details.description();
		this.kind = details.kind();
		this.owner = details.owner();
		this.dataCategories = details.dataCategories();
		this.purposes = details.purposes();
		this.legalBasis = details.legalBasis();
		this.directMarketing = details.directMarketing();
		this.recipients.clear();
		this.recipients.addAll(details.recipients());
		this.source = details.source();
		this.retention = details.retention();
		this.retentionMonths = details.retentionMonths();
		this.retentionRule = (details.retentionRule() != null) ? details.retentionRule() : RetentionRule.NONE;
		this.erasureSteps = details.erasureSteps();
		this.erasureExceptions = details.erasureExceptions();
		this.reviewIntervalMonths = details.reviewIntervalMonths();
		this.requestTypes.clear();
		this.requestTypes.addAll(details.requestTypes());
		// A withdrawal of consent follows the legal basis, not the list (Art. 7(3)).
		this.requestTypes.removeIf(RequestType::followsConsent);
	}

	/**
	 * Whether a request of a type gets a task here: a withdrawal of consent at every
	 * active consent-based location (Art. 7(3)), any other type where the location lists
	 * it.
	 * @param type the request type
	 * @return whether a task is created here
	 */
	public boolean appliesTo(RequestType type) {
		if (type.followsConsent()) {
			return this.active && this.legalBasis == LegalBasis.CONSENT;
		}
		return this.active && this.requestTypes.contains(type);
	}

	public Long getId() {
		return this.id;
	}

	public LocalizedText getName() {
		return orEmpty(this.name);
	}

	public LocalizedText getDescription() {
		return orEmpty(this.description);
	}

	public LocationKind getKind() {
		return this.kind;
	}

	public StaffUser getOwner() {
		return this.owner;
	}

	public LocalizedText getDataCategories() {
		return orEmpty(this.dataCategories);
	}

	public LocalizedText getPurposes() {
		return orEmpty(this.purposes);
	}

	/**
	 * How the date until which retained data is kept is computed here.
	 * @return the rule, {@link RetentionRule#NONE} where the date is typed by hand
	 */
	public RetentionRule getRetentionRule() {
		return (this.retentionRule != null) ? this.retentionRule : RetentionRule.NONE;
	}

	public boolean isDirectMarketing() {
		return this.directMarketing;
	}

	public LegalBasis getLegalBasis() {
		return this.legalBasis;
	}

	public List<Recipient> getRecipients() {
		return List.copyOf(this.recipients);
	}

	public LocalizedText getSource() {
		return orEmpty(this.source);
	}

	public LocalizedText getRetention() {
		return orEmpty(this.retention);
	}

	public Integer getRetentionMonths() {
		return this.retentionMonths;
	}

	public LocalizedText getErasureSteps() {
		return orEmpty(this.erasureSteps);
	}

	public LocalizedText getErasureExceptions() {
		return orEmpty(this.erasureExceptions);
	}

	public int getReviewIntervalMonths() {
		return this.reviewIntervalMonths;
	}

	public LocalDate getLastReviewedOn() {
		return this.lastReviewedOn;
	}

	public LocalDate getNextReviewDue() {
		return this.nextReviewDue;
	}

	public Set<RequestType> getRequestTypes() {
		return this.requestTypes.isEmpty() ? EnumSet.noneOf(RequestType.class) : EnumSet.copyOf(this.requestTypes);
	}

	public boolean isActive() {
		return this.active;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public long getVersion() {
		return this.version;
	}

	private static LocalizedText orEmpty(LocalizedText text) {
		// Hibernate leaves an embedded value null when all its columns are null.
		return (text != null) ? text : new LocalizedText(null, null);
	}

}
