package se.dsrdesk.location;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * Someone the data is disclosed to: a processor working for the company, or another
 * recipient. A country outside the EU/EEA needs a transfer safeguard.
 */
@Embeddable
public class Recipient {

	/** Whether a recipient processes the data for the company or receives it. */
	public enum Role {

		PROCESSOR, RECIPIENT

	}

	@Column(nullable = false)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Role role;

	@Column(nullable = false)
	private String country;

	private String safeguard;

	protected Recipient() {
	}

	public Recipient(String name, Role role, String country, String safeguard) {
		this.name = name.strip();
		this.role = role;
		this.country = country.strip();
		this.safeguard = (safeguard == null || safeguard.isBlank()) ? null : safeguard.strip();
	}

	public String getName() {
		return this.name;
	}

	public Role getRole() {
		return this.role;
	}

	public String getCountry() {
		return this.country;
	}

	public String getSafeguard() {
		return this.safeguard;
	}

}
