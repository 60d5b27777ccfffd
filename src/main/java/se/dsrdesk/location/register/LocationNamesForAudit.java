package se.dsrdesk.location.register;

import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.dsrdesk.audit.LocationNames;
import se.dsrdesk.location.LocalizedText;

/**
 * The register's names for the audit trail, which shows {@code location=3} as the
 * location's name in the reader's language.
 */
@Component
class LocationNamesForAudit implements LocationNames {

	private final JdbcTemplate jdbc;

	LocationNamesForAudit(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<String> nameOf(long id, Locale locale) {
		return this.jdbc
			.query("select name_sv, name_en from data_location where id = ?",
					(rs, n) -> new LocalizedText(rs.getString(1), rs.getString(2)).in(locale), id)
			.stream()
			.findFirst()
			.filter((name) -> !name.isEmpty());
	}

}
