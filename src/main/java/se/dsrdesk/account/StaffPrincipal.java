package se.dsrdesk.account;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import se.dsrdesk.audit.Actor;

/**
 * The signed-in staff user as Spring Security holds it.
 */
public final class StaffPrincipal implements UserDetails, CredentialsContainer {

	private final Long id;

	private final String email;

	private final String displayName;

	private final Set<Role> roles;

	private final boolean active;

	private final boolean locked;

	private final boolean passwordChangeRequired;

	private String passwordHash;

	private StaffPrincipal(Long id, String email, String displayName, String passwordHash, Set<Role> roles,
			boolean active, boolean locked, boolean passwordChangeRequired) {
		this.passwordChangeRequired = passwordChangeRequired;
		this.id = id;
		this.email = email;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.roles = roles;
		this.active = active;
		this.locked = locked;
	}

	public static StaffPrincipal of(StaffUser user, boolean locked) {
		return new StaffPrincipal(user.getId(), user.getEmail(), user.getDisplayName(), user.getPasswordHash(),
				user.getRoles(), user.isActive(), locked, user.isPasswordChangeRequired());
	}

	/**
	 * Stands in for a login name without an account that is locked by failed attempts, so
	 * that it answers exactly as a locked account does.
	 */
	public static StaffPrincipal lockedUnknown(String email) {
		return new StaffPrincipal(null, email, "", "{noop}", Set.of(), true, true, false);
	}

	public Long id() {
		return this.id;
	}

	public String email() {
		return this.email;
	}

	public String displayName() {
		return this.displayName;
	}

	/**
	 * Whether the account's password was generated and must be changed before anything
	 * else, as it was when this user signed in.
	 * @return whether a change is required
	 */
	public boolean passwordChangeRequired() {
		return this.passwordChangeRequired;
	}

	public boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

	/**
	 * This user as the audit trail names them.
	 * @return the actor
	 */
	public Actor toActor() {
		return new Actor(this.id, this.email);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return this.roles.stream().map((role) -> new SimpleGrantedAuthority(role.authority())).toList();
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.email;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !this.locked;
	}

	@Override
	public boolean isEnabled() {
		return this.active;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public String toString() {
		return "StaffPrincipal[id=" + this.id + "]";
	}

	List<Role> roles() {
		return List.copyOf(this.roles);
	}

}
