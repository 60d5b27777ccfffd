package se.dsrdesk.request;

import se.dsrdesk.request.rules.Languages;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import se.dsrdesk.system.EmailAddresses;

/**
 * A person whose data the controller holds and who has made one or more requests. The
 * email key (normalised, lower-cased) links requests from the same confirmed address.
 */
@Entity
@Table(name = "data_subject")
public class DataSubject {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	private String email;

	@Column(name = "email_key")
	private String emailKey;

	private String phone;

	@Column(name = "preferred_language", nullable = false)
	private String preferredLanguage;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "erased_at")
	private Instant erasedAt;

	@Version
	private long version;

	protected DataSubject() {
	}

	public DataSubject(String name, String email, String phone, String preferredLanguage, Instant now) {
		this.name = name;
		this.email = email;
		this.emailKey = (email != null) ? EmailAddresses.normalise(email) : null;
		this.phone = phone;
		this.preferredLanguage = Languages.check(preferredLanguage);
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * Removes the personal details, keeping the record for statistics.
	 * @param now when
	 */
	public void erasePersonalDetails(Instant now) {
		this.name = null;
		this.email = null;
		this.emailKey = null;
		this.phone = null;
		this.erasedAt = now;
		this.updatedAt = now;
	}

	/**
	 * Takes the details the person gave with a newer, confirmed request.
	 * @param name their name
	 * @param phone their phone number, may be {@code null} to keep the one known
	 * @param preferredLanguage {@code sv} or {@code en}
	 * @param now when
	 */
	public void updateDetails(String name, String phone, String preferredLanguage, Instant now) {
		if (name != null && !name.isBlank()) {
			this.name = name;
		}
		if (phone != null && !phone.isBlank()) {
			this.phone = phone;
		}
		this.preferredLanguage = Languages.check(preferredLanguage);
		this.updatedAt = now;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getEmail() {
		return this.email;
	}

	public String getEmailKey() {
		return this.emailKey;
	}

	public String getPhone() {
		return this.phone;
	}

	public String getPreferredLanguage() {
		return this.preferredLanguage;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getErasedAt() {
		return this.erasedAt;
	}

}
