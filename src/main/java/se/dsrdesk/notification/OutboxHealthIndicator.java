package se.dsrdesk.notification;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The outbox's part of health (component {@code outbox}): {@value #DEGRADED_CODE} while a
 * legally required notice ({@link LegalNotices}) is given up and not handled, or still
 * queued longer than {@code dsr.mail.dispatch.overdue-after}. {@code DEGRADED} ranks
 * above {@code UP}, so the overall status says it too, with HTTP 200: the application
 * works, but someone must see to its mail. The details (for signed-in admins and
 * compliance officers) count failed mail of any kind.
 */
@Component
class OutboxHealthIndicator extends AbstractHealthIndicator {

	static final String DEGRADED_CODE = "DEGRADED";

	static final Status DEGRADED = new Status(DEGRADED_CODE,
			"A legally required notice has not been sent: see Failed mail");

	private final Outbox outbox;

	OutboxHealthIndicator(Outbox outbox) {
		this.outbox = outbox;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		long legal = this.outbox.legalNoticesFailedOrOverdue();
		builder.status((legal > 0) ? DEGRADED : Status.UP)
			.withDetail("legalNoticesFailedOrOverdue", legal)
			.withDetail("failed", this.outbox.failedCount());
	}

}
