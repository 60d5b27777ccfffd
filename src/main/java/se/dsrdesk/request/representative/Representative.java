package se.dsrdesk.request.representative;

/**
 * Someone who makes a request for the person it concerns: the letters go to them (Art.
 * 12(2); EDPB Guidelines 01/2022), and data is disclosed only once staff have checked
 * their authority.
 *
 * @param name the representative's name
 * @param email the representative's email address, {@code null} for a letter by post
 * @param authority what gives them the right to act for the person
 */
public record Representative(String name, String email, RepresentativeAuthority authority) {

	public Representative {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A representative has a name");
		}
		if (authority == null) {
			throw new IllegalArgumentException("A representative has an authority");
		}
		name = name.strip();
		email = (email == null || email.isBlank()) ? null : email.strip();
	}

}
