package se.dsrdesk.system.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The startup report names the database without the settings that follow the address,
 * which may hold a password.
 */
class DatabaseStartupReportTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					jdbc:postgresql://db:5432/dsrdesk                                          | jdbc:postgresql://db:5432/dsrdesk
					jdbc:postgresql://db:5432/dsrdesk?user=dsr&password=secret                 | jdbc:postgresql://db:5432/dsrdesk
					jdbc:h2:file:./data/dsrdesk;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE         | jdbc:h2:file:./data/dsrdesk
					jdbc:h2:mem:test;PASSWORD=secret?x=1                                       | jdbc:h2:mem:test
					jdbc:postgresql://db/dsrdesk?ssl=true;password=secret                      | jdbc:postgresql://db/dsrdesk
					jdbc:sqlserver://db:1433;databaseName=dsr;password=secret                  | jdbc:sqlserver://db:1433
					""")
	void dropsEverythingFromTheFirstSemicolonOrQuestionMark(String url, String shown) {
		assertThat(DatabaseStartupReport.withoutQuery(url)).isEqualTo(shown);
	}

}
