package se.dsrdesk.account.admin;

import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import se.dsrdesk.account.Role;
import se.dsrdesk.account.StaffUser;

/**
 * What an admin types to create or edit a staff account.
 */
public class AccountForm {

	@NotBlank(message = "{validation.required}")
	@Email(message = "{validation.email}")
	@Size(max = 254, message = "{validation.tooLong}")
	private String email;

	@NotBlank(message = "{validation.required}")
	@Size(max = 100, message = "{validation.tooLong}")
	private String displayName;

	@NotEmpty(message = "{account.roles.required}")
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	@Pattern(regexp = "sv|en", message = "{validation.invalid}")
	private String language = "sv";

	private long version;

	static AccountForm of(StaffUser user) {
		AccountForm form = new AccountForm();
		form.email = user.getEmail();
		form.displayName = user.getDisplayName();
		form.roles = user.getRoles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(user.getRoles());
		form.language = user.getPreferredLanguage();
		form.version = user.getVersion();
		return form;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public Set<Role> getRoles() {
		return this.roles;
	}

	public void setRoles(Set<Role> roles) {
		this.roles = (roles != null) ? roles : EnumSet.noneOf(Role.class);
	}

	public String getLanguage() {
		return this.language;
	}

	public void setLanguage(String language) {
		this.language = language;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
