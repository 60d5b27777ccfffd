package se.dsrdesk.system;

import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renamed settings keep working under their old names, in files and in the environment,
 * unless the new name is set too.
 */
class DeprecatedSettingsTest {

	private final DeprecatedSettings settings = new DeprecatedSettings(Supplier::get);

	@Test
	void anOldNameSetsTheNewOne() {
		StandardEnvironment environment = environment(Map.of("dsr.sweep.cron", "0 0 * * * *", "dsr.intake.sweep-cron",
				"-", "dsr.answer.cleanup-lock-at-most-for", "5m"));
		this.settings.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("dsr.deadline.sweep.cron")).isEqualTo("0 0 * * * *");
		assertThat(environment.getProperty("dsr.intake.sweep.cron")).isEqualTo("-");
		assertThat(environment.getProperty("dsr.answer.cleanup.lock-at-most-for")).isEqualTo("5m");
		assertThat(environment.getProperty("dsr.locations.sweep.cron")).isNull();
	}

	@Test
	void anOldNameInTheEnvironmentCountsToo() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("DSR_INTAKE_SWEEPCRON", "0 0 3 * * *")));
		this.settings.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("dsr.intake.sweep.cron")).isEqualTo("0 0 3 * * *");
	}

	@Test
	void everyApplicationMapsTheOldNames() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Empty.class)
			.web(WebApplicationType.NONE)
			.properties("dsr.sweep.cron=0 0 1 * * *", "spring.main.banner-mode=off")
			.run()) {
			assertThat(context.getEnvironment().getProperty("dsr.deadline.sweep.cron")).isEqualTo("0 0 1 * * *");
		}
	}

	@Test
	void theNewNameWinsWhenBothAreSet() {
		StandardEnvironment environment = environment(
				Map.of("dsr.sweep.batch-size", "10", "dsr.deadline.sweep.batch-size", "20"));
		this.settings.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("dsr.deadline.sweep.batch-size")).isEqualTo("20");
	}

	@Test
	void everyNewNameFollowsTheOneScheme() {
		assertThat(DeprecatedSettings.RENAMED).allSatisfy((old, current) -> {
			assertThat(current).matches("dsr\\.[a-z]+\\.(sweep|cleanup|dispatch)\\.[a-z-]+");
			assertThat(old).isNotEqualTo(current);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

	private static StandardEnvironment environment(Map<String, Object> values) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", values));
		return environment;
	}

}
