package se.dsrdesk.request.schema;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import se.dsrdesk.request.schema.RequestStatusSchema.PartialIndex;
import se.dsrdesk.support.IntegrationTest;
import se.dsrdesk.request.schema.RequestStatusSchema;
import se.dsrdesk.request.RequestStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check constraint and the partial indexes on request statuses, as PostgreSQL holds
 * them after the migrations, match {@link RequestStatus}'s sets: the database restates no
 * rule of its own.
 */
@IntegrationTest
class RequestStatusSchemaTest {

	private static final Pattern QUOTED = Pattern.compile("'([A-Z_]+)'");

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theCheckConstraintAllowsExactlyTheStatusesThereAre() {
		String definition = this.jdbc.queryForObject(
				"select pg_get_constraintdef(oid) from pg_constraint where conname = ?", String.class,
				RequestStatusSchema.CHECK_CONSTRAINT);
		assertThat(quoted(definition)).isEqualTo(names(EnumSet.allOf(RequestStatus.class)));
	}

	@Test
	void eachPartialIndexHoldsTheStatusesOfItsSet() {
		for (PartialIndex index : RequestStatusSchema.INDEXES) {
			String predicate = this.jdbc.queryForObject("""
					select pg_get_expr(i.indpred, i.indrelid) from pg_index i
					join pg_class c on c.oid = i.indexrelid where c.relname = ?""", String.class, index.name());
			assertThat(quoted(predicate)).as(index.name()).isEqualTo(names(index.statuses()));
			String definition = this.jdbc.queryForObject("select indexdef from pg_indexes where indexname = ?",
					String.class, index.name());
			assertThat(definition).as(index.name()).contains("(" + index.columns() + ")");
		}
	}

	@Test
	void everyIndexOnRequestStatusesIsMadeFromTheJavaSets() {
		List<String> byStatus = this.jdbc.queryForList("""
				select c.relname from pg_index i
				join pg_class c on c.oid = i.indexrelid
				where i.indrelid = 'dsr_request'::regclass and i.indpred is not null
				  and pg_get_expr(i.indpred, i.indrelid) like '%status%'""", String.class);
		assertThat(byStatus)
			.containsExactlyInAnyOrderElementsOf(RequestStatusSchema.INDEXES.stream().map(PartialIndex::name).toList());
	}

	@Test
	void flywayRecordedTheChecksumOfTheCurrentSets() {
		Integer checksum = this.jdbc.queryForObject(
				"select checksum from flyway_schema_history where description = ? and success order by installed_rank"
						+ " desc limit 1",
				Integer.class, new RequestStatusSchema().getDescription());
		assertThat(checksum).isEqualTo(new RequestStatusSchema().getChecksum());
	}

	@Test
	void aChangedSetChangesTheStatementsAndSoTheChecksum() {
		PartialIndex open = RequestStatusSchema.INDEXES.stream()
			.filter((index) -> index.name().equals("ix_dsr_request_open_deadline"))
			.findFirst()
			.orElseThrow();
		PartialIndex narrower = new PartialIndex(open.name(), open.columns(), RequestStatus.IN_HAND, null);
		assertThat(narrower.create()).isNotEqualTo(open.create()).doesNotContain("'UNVERIFIED'");
	}

	private static Set<String> quoted(String sql) {
		Set<String> names = new TreeSet<>();
		Matcher matcher = QUOTED.matcher(sql);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	private static Set<String> names(Set<RequestStatus> statuses) {
		return new TreeSet<>(RequestStatus.names(statuses));
	}

}
