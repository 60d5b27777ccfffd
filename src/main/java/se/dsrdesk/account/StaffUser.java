package se.dsrdesk.account;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A staff user: signs in with an email address and a password and holds one or more
 * roles. Accounts are deactivated, never deleted, so the audit trail keeps pointing at
 * them.
 */
@Entity
@Table(name = "staff_user")
public class StaffUser {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String email;

	@Column(name = "display_name", nullable = false)
	private String displayName;

	@Column(name = "password_hash", nullable = false)
	private String passwordHash;

	@Column(name = "preferred_language", nullable = false)
	private String preferredLanguage;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "staff_user_role", joinColumns = @JoinColumn(name = "staff_user_id"))
	@Column(name = "role", nullable = false)
	@Enumerated(EnumType.STRING)
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	@Column(nullable = false)
	private boolean active;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "password_changed_at", nullable = false)
	private Instant passwordChangedAt;

	@Column(name = "invitation_pending", nullable = false)
	private boolean invitationPending;

	@Column(name = "password_change_required", nullable = false)
	private boolean passwordChangeRequired;

	@Version
	private long version;

	protected StaffUser() {
	}

	StaffUser(String email, String displayName, String passwordHash, Set<Role> roles, String preferredLanguage,
			Instant now) {
		this.email = email;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.roles = EnumSet.copyOf(roles);
		this.preferredLanguage = preferredLanguage;
		this.active = true;
		this.createdAt = now;
		this.updatedAt = now;
		this.passwordChangedAt = now;
	}

	void update(String email, String displayName, Set<Role> roles, String preferredLanguage, Instant now) {
		this.email = email;
		this.displayName = displayName;
		this.roles.clear();
		this.roles.addAll(roles);
		this.preferredLanguage = preferredLanguage;
		this.updatedAt = now;
	}

	void changePassword(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		this.passwordChangedAt = now;
		this.updatedAt = now;
		this.invitationPending = false;
		this.passwordChangeRequired = false;
	}

	/**
	 * Invited: the stored hash is of a secret nobody knows, until the person sets their
	 * own password through the invitation link.
	 */
	void markInvited() {
		this.invitationPending = true;
	}

	/** The password was generated (and shown): it must be changed at the next sign-in. */
	void requirePasswordChange() {
		this.passwordChangeRequired = true;
	}

	/**
	 * Stores the same password hashed the current way (an older bcrypt hash becomes
	 * Argon2id at the next sign-in). The password itself did not change.
	 * @param passwordHash the new hash of the same password
	 */
	public void upgradePasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	void deactivate(Instant now) {
		this.active = false;
		this.updatedAt = now;
	}

	void reactivate(Instant now) {
		this.active = true;
		this.updatedAt = now;
	}

	public boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

	public Long getId() {
		return this.id;
	}

	public String getEmail() {
		return this.email;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	public String getPreferredLanguage() {
		return this.preferredLanguage;
	}

	public Set<Role> getRoles() {
		return Set.copyOf(this.roles);
	}

	public boolean isActive() {
		return this.active;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public Instant getPasswordChangedAt() {
		return this.passwordChangedAt;
	}

	/**
	 * Whether the account was invited and its owner has not yet set a password.
	 * @return whether the invitation is still open
	 */
	public boolean isInvitationPending() {
		return this.invitationPending;
	}

	/**
	 * Whether the password must be changed before anything else.
	 * @return whether a change is required
	 */
	public boolean isPasswordChangeRequired() {
		return this.passwordChangeRequired;
	}

	public long getVersion() {
		return this.version;
	}

}
