package se.dsrdesk.system;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps the old names of renamed settings working. Scheduled jobs are configured one way,
 * {@code dsr.<area>.<job>.<setting>} ({@code dsr.deadline.sweep.cron},
 * {@code dsr.intake.sweep.cron}, {@code dsr.locations.sweep.cron},
 * {@code dsr.answer.cleanup.cron}, {@code dsr.mail.dispatch.interval}); a value given
 * under an old name (in a file, the environment or on the command line) is used for the
 * new name unless the new name is set too, with a warning in the log that names the new
 * one. README.md lists the old names.
 */
public class DeprecatedSettings implements EnvironmentPostProcessor, Ordered {

	/** The old names and the new ones they stand for. */
	public static final Map<String, String> RENAMED = renamed();

	/**
	 * Settings that are no longer used, and what took their place: a value given is
	 * ignored, with a warning in the log.
	 */
	public static final Map<String, String> REMOVED = Map.of("dsr.mail.max-attempts", "dsr.mail.dispatch.retry-for");

	static final String SOURCE_NAME = "dsrDeprecatedSettings";

	private final Log log;

	public DeprecatedSettings(DeferredLogFactory logs) {
		this.log = logs.getLog(DeprecatedSettings.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Binder binder = Binder.get(environment);
		Map<String, Object> values = new LinkedHashMap<>();
		RENAMED.forEach((old, current) -> binder.bind(old, String.class).ifBound((value) -> {
			if (binder.bind(current, String.class).isBound()) {
				this.log.warn("Setting " + old + " is ignored: it was renamed " + current + ", which is set too");
			}
			else {
				this.log.warn("Setting " + old + " is deprecated: use " + current);
				values.put(current, value);
			}
		}));
		REMOVED.forEach((old, instead) -> binder.bind(old, String.class)
			.ifBound((value) -> this.log.warn("Setting " + old + " is no longer used and is ignored: see " + instead)));
		if (!values.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, values));
		}
	}

	/** After the configuration files are read, so that their old names are seen. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	private static Map<String, String> renamed() {
		Map<String, String> renamed = new LinkedHashMap<>();
		for (String setting : new String[] { "cron", "run-at-startup", "reminder-working-days", "digest-hour",
				"batch-size", "max-items-per-mail", "lock-at-most-for" }) {
			renamed.put("dsr.sweep." + setting, "dsr.deadline.sweep." + setting);
		}
		renamed.put("dsr.intake.sweep-cron", "dsr.intake.sweep.cron");
		renamed.put("dsr.intake.sweep-batch-size", "dsr.intake.sweep.batch-size");
		renamed.put("dsr.intake.lock-at-most-for", "dsr.intake.sweep.lock-at-most-for");
		renamed.put("dsr.answer.cleanup-cron", "dsr.answer.cleanup.cron");
		renamed.put("dsr.answer.cleanup-lock-at-most-for", "dsr.answer.cleanup.lock-at-most-for");
		renamed.put("dsr.mail.poll-interval", "dsr.mail.dispatch.interval");
		return Collections.unmodifiableMap(renamed);
	}

}
