package se.dsrdesk.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

import se.dsrdesk.system.ControllerIdentity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deadline module started on its own (Spring Modulith's module test, no database):
 * its beans need nothing from other modules but the controller's identity (its time
 * zone), and its settings choose the holiday calendar and the internal target.
 */
@ApplicationModuleTest
@TestPropertySource(properties = {
		"spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"dsr.deadline.calendar=WEEKENDS_ONLY", "dsr.deadline.internal-target-working-days=3" })
class DeadlineModuleTest {

	@Autowired
	DeadlineCalculator calculator;

	@Autowired
	DeadlinePolicy policy;

	@Test
	void countsInTheConfiguredTimeZone() {
		// 23:30 UTC is already the next day in Stockholm, the default zone.
		assertThat(this.calculator.receiptDate(Instant.parse("2026-11-24T23:30:00Z")))
			.isEqualTo(LocalDate.of(2026, 11, 24));
	}

	@Test
	void usesTheConfiguredHolidayCalendar() {
		// Christmas Day 2026 is a Friday: a public holiday in Sweden, a working day here.
		assertThat(this.calculator.compute(LocalDate.of(2026, 11, 25)).originalDeadline())
			.isEqualTo(LocalDate.of(2026, 12, 25));
	}

	@Test
	void setsTheInternalTargetTheConfiguredWorkingDaysAhead() {
		assertThat(this.policy.internalTarget(LocalDate.of(2026, 12, 25))).isEqualTo(LocalDate.of(2026, 12, 22));
	}

	/** The one bean from another module (system) that the deadline module needs. */
	@TestBean
	ControllerIdentity controllerIdentity;

	static ControllerIdentity controllerIdentity() {
		return new ControllerIdentity("Test AB", "556000-0000", "Gatan 1", "111 11", "Stockholm", "Sweden", "Sverige",
				"privacy@example.com", "IMY", "https://www.imy.se", "Box 8114, 104 20 Stockholm", ZoneOffset.UTC);
	}

}
