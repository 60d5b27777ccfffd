package se.dsrdesk.account.mfa;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.account.StaffUserRepository;
import se.dsrdesk.audit.AuditLog;

/**
 * Staff members' passkeys, kept by Spring Security's JDBC repositories (the tables of
 * migration V105). Wraps the credential repository so that a new passkey is audited, and
 * lists and removes a staff member's own passkeys for the page where they manage them.
 */
class Passkeys implements UserCredentialRepository {

	private final UserCredentialRepository credentials;

	private final PublicKeyCredentialUserEntityRepository userEntities;

	private final StaffUserRepository users;

	private final AuditLog auditLog;

	Passkeys(UserCredentialRepository credentials, PublicKeyCredentialUserEntityRepository userEntities,
			StaffUserRepository users, AuditLog auditLog) {
		this.credentials = credentials;
		this.userEntities = userEntities;
		this.users = users;
		this.auditLog = auditLog;
	}

	@Override
	@Transactional
	public void save(CredentialRecord record) {
		boolean added = this.credentials.findByCredentialId(record.getCredentialId()) == null;
		this.credentials.save(record);
		if (added) {
			staffUserId(record.getUserEntityUserId()).ifPresent(
					(id) -> this.auditLog.record(MfaAudit.actor(id), "MFA_PASSKEY_REGISTERED", "STAFF_USER", id, null));
		}
	}

	@Override
	public void delete(Bytes credentialId) {
		this.credentials.delete(credentialId);
	}

	@Override
	public CredentialRecord findByCredentialId(Bytes credentialId) {
		return this.credentials.findByCredentialId(credentialId);
	}

	@Override
	public List<CredentialRecord> findByUserId(Bytes userId) {
		return this.credentials.findByUserId(userId);
	}

	/**
	 * A staff member's passkeys.
	 * @param email the sign-in email
	 * @return the passkeys, oldest first
	 */
	List<Passkey> of(String email) {
		PublicKeyCredentialUserEntity entity = this.userEntities.findByUsername(email);
		if (entity == null) {
			return List.of();
		}
		return this.credentials.findByUserId(entity.getId())
			.stream()
			.map((record) -> new Passkey(record.getCredentialId().toBase64UrlString(), record.getLabel(),
					record.getCreated(), record.getLastUsed()))
			.sorted((a, b) -> String.valueOf(a.created()).compareTo(String.valueOf(b.created())))
			.toList();
	}

	/**
	 * Removes one of a staff member's own passkeys.
	 * @param staffUserId the account, for the audit trail
	 * @param email the sign-in email
	 * @param credentialId the passkey's id as shown on the page
	 * @return whether it was theirs and is removed
	 */
	@Transactional
	boolean remove(long staffUserId, String email, String credentialId) {
		PublicKeyCredentialUserEntity entity = this.userEntities.findByUsername(email);
		if (entity == null) {
			return false;
		}
		Bytes id;
		try {
			id = Bytes.fromBase64(credentialId);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		CredentialRecord record = this.credentials.findByCredentialId(id);
		if (record == null || !record.getUserEntityUserId().equals(entity.getId())) {
			return false;
		}
		this.credentials.delete(id);
		this.auditLog.record(MfaAudit.actor(staffUserId), "MFA_PASSKEY_REMOVED", "STAFF_USER", staffUserId, null);
		return true;
	}

	private Optional<Long> staffUserId(Bytes userEntityId) {
		PublicKeyCredentialUserEntity entity = this.userEntities.findById(userEntityId);
		if (entity == null) {
			return Optional.empty();
		}
		return this.users.findByEmail(entity.getName()).map((user) -> user.getId());
	}

	/** A passkey as the page shows it. */
	record Passkey(String id, String label, Instant created, Instant lastUsed) {
	}

}
