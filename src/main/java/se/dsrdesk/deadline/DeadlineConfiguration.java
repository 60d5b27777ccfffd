package se.dsrdesk.deadline;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import se.dsrdesk.system.ControllerIdentity;

/**
 * The deadline calculator, set up with the configured holiday calendar and the
 * controller's time zone.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

	@Bean
	DeadlineCalculator deadlineCalculator(DeadlineProperties properties, ControllerIdentity controller) {
		return new DeadlineCalculator(properties.holidayCalendar(), controller.timeZone());
	}

	@Bean
	DeadlinePolicy deadlinePolicy(DeadlineCalculator calculator, DeadlineProperties properties) {
		return new DeadlinePolicy(calculator, properties.internalTargetWorkingDays());
	}

}
