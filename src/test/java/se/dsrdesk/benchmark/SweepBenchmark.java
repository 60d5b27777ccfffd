package se.dsrdesk.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import se.dsrdesk.DsrDeskApplication;
import se.dsrdesk.request.reminder.DeadlineSweep;
import se.dsrdesk.request.reminder.DeadlineSweep.SweepReport;
import se.dsrdesk.support.MutableClock;

/**
 * Seeds a large data set into PostgreSQL and times the deadline sweep over it: the first
 * sweep (a backlog of every reminder and escalation at once), a second sweep the same day
 * (nothing new: the cost of looking), and the sweep of the next day (the daily steady
 * state). Not a unit test: run it with {@code bench/sweep.sh}.
 */
public final class SweepBenchmark {

	private SweepBenchmark() {
	}

	public static void main(String[] args) {
		int rows = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
		String url = System.getenv().getOrDefault("BENCH_DB_URL", "jdbc:postgresql://127.0.0.1:5432/dsr_bench");
		Map<String, Object> properties = Map.of("spring.datasource.url", url, "spring.datasource.username",
				System.getenv().getOrDefault("BENCH_DB_USERNAME", "postgres"), "spring.datasource.password",
				System.getenv().getOrDefault("BENCH_DB_PASSWORD", ""), "dsr.deadline.sweep.run-at-startup", "false",
				"dsr.deadline.sweep.cron", "-", "dsr.mail.dispatch.interval", "24h", "spring.mail.port", "9",
				"logging.level.se.dsrdesk", "warn", "server.port", "0");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(DsrDeskApplication.class,
				BenchmarkClock.class)
			.run(properties.entrySet()
				.stream()
				.map((e) -> "--" + e.getKey() + "=" + e.getValue())
				.toArray(String[]::new))) {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			MutableClock clock = context.getBean(MutableClock.class);
			DeadlineSweep sweep = context.getBean(DeadlineSweep.class);
			Instant today = LocalDate.now(ZoneOffset.UTC).atTime(9, 0).toInstant(ZoneOffset.UTC);
			clock.set(today);

			long seedStart = System.nanoTime();
			seed(jdbc, rows, LocalDate.ofInstant(today, ZoneId.of("Europe/Stockholm")));
			System.out.printf("Seeded %,d requests in %.1f s%n", rows, seconds(System.nanoTime() - seedStart));
			System.out.printf("Open requests whose clock runs: %,d; overdue: %,d%n",
					jdbc.queryForObject("select count(*) from dsr_request where status in ('NEW','IN_PROGRESS')",
							Long.class),
					jdbc.queryForObject("select count(*) from dsr_request where status in ('NEW','IN_PROGRESS')"
							+ " and effective_deadline < current_date", Long.class));

			report("first sweep (backlog)", sweep.run());
			report("second sweep, same day", sweep.run());
			clock.set(today.plus(Duration.ofDays(1)));
			report("next day's sweep", sweep.run());
			System.out.printf("Notices: %,d; staff mails queued: %,d%n",
					jdbc.queryForObject("select count(*) from deadline_notice", Long.class),
					jdbc.queryForObject("select count(*) from correspondence", Long.class));
		}
	}

	private static void seed(JdbcTemplate jdbc, int rows, LocalDate today) {
		jdbc.update("insert into staff_user (email, display_name, password_hash, preferred_language, active,"
				+ " created_at, updated_at, password_changed_at) select 'staff' || g || '@bench.example', 'Staff ' || g,"
				+ " '{noop}x', 'sv', true, now(), now(), now() from generate_series(1, 5) g");
		jdbc.update("insert into staff_user_role (staff_user_id, role) select id, case when email like 'staff1@%'"
				+ " or email like 'staff2@%' then 'COMPLIANCE_OFFICER' else 'CASE_HANDLER' end"
				+ " from staff_user where email like '%@bench.example'");
		jdbc.update(
				"insert into data_subject (name, email, email_key, preferred_language, created_at, updated_at)"
						+ " select 'Person ' || g, 'p' || g || '@example.com', 'p' || g || '@example.com',"
						+ " case when g % 3 = 0 then 'en' else 'sv' end, now(), now() from generate_series(1, ?) g",
				rows);
		// Receipt dates spread over the last 45 days: deadlines from 15 days ago to 30
		// days ahead,
		// so about a third are overdue. 90 % have a running clock, some assigned, some
		// not.
		jdbc.execute("alter table dsr_request disable trigger user");
		jdbc.update("""
				insert into dsr_request (reference, data_subject_id, type, channel, language, status, assignee_id,
				  received_at, receipt_date, original_deadline, one_month_deadline, effective_deadline,
				  internal_target, created_at, updated_at)
				select 'DSR-B-' || lpad(s.id::text, 8, '0'), s.id,
				  (array['ACCESS','ERASURE','OBJECTION','RECTIFICATION','RESTRICTION','PORTABILITY'])[1 + s.id % 6],
				  'WEB', s.preferred_language,
				  (array['NEW','IN_PROGRESS','NEW','IN_PROGRESS','NEW','IN_PROGRESS','NEW','IN_PROGRESS','NEW',
				         'AWAITING_SUBJECT','COMPLETED'])[1 + s.id % 11],
				  case when s.id % 4 = 0 then null else (select min(id) from staff_user
				    where email like '%@bench.example') + 2 + s.id % 3 end,
				  d.receipt::timestamp with time zone, d.receipt, d.deadline, d.deadline, d.deadline,
				  d.deadline - 7, now(), now()
				from data_subject s
				cross join lateral (select (?::date - (s.id % 45)::int) as receipt) r
				cross join lateral (select r.receipt, (r.receipt + interval '1 month')::date as deadline) d
				where s.email like '%@example.com'
				""", today);
		// The dashboard's count triggers (V29) fire per row; rebuild once instead.
		jdbc.execute("alter table dsr_request enable trigger user");
		jdbc.execute("select dashboard_rebuild()");
		jdbc.execute("analyze");
	}

	private static void report(String what, SweepReport report) {
		Runtime runtime = Runtime.getRuntime();
		System.gc();
		System.out.printf("%-24s %-7s %8.2f s  notices %s  mails %,d  digests %d  heap after %,d MB%n", what,
				report.outcome(), report.took().toNanos() / 1e9, report.notices(), report.mails(), report.digests(),
				(runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

	/**
	 * The benchmark's clock. Deliberately not a {@code @Configuration}, which the tests'
	 * component scan would pick up: it is registered only as a source of the benchmark.
	 */
	static class BenchmarkClock {

		@Bean
		@Primary
		MutableClock benchmarkClock() {
			return new MutableClock();
		}

	}

}
