package se.dsrdesk.request.persistence;

import se.dsrdesk.request.RequestTallyChanged;
import se.dsrdesk.request.RequestTally;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.request.RequestStatus;
import se.dsrdesk.request.RejectionGround;
import se.dsrdesk.request.DsrRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.hibernate.jpa.boot.spi.JpaSettings;
import org.hibernate.persister.entity.EntityPersister;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link RequestTallyChanged} for every insert, delete and tallied update of a
 * {@link DsrRequest}, from Hibernate's post-insert, -update and -delete events: whichever
 * service or transition wrote the request, the event follows from the write itself. The
 * listeners are registered when the persistence unit is built.
 * <p>
 * Writes that bypass the application (SQL by hand, a bulk load) publish nothing; counts
 * kept from these events are recounted by their keeper (see {@code DashboardRollup}).
 */
@Component
public class RequestTallyEvents implements HibernatePropertiesCustomizer, PostInsertEventListener,
		PostUpdateEventListener, PostDeleteEventListener {

	private static final List<String> TALLIED = List.of("status", "type", "receiptDate", "effectiveDeadline",
			"closedAt", "rejectionGround", "delayAnnouncedOn", "delayExpectedOn");

	private static final Logger logger = LoggerFactory.getLogger(RequestTallyEvents.class);

	private final ApplicationEventPublisher events;

	public RequestTallyEvents(ApplicationEventPublisher events) {
		this.events = events;
	}

	@Override
	public void customize(Map<String, Object> hibernateProperties) {
		Integrator integrator = new Integrator() {

			@Override
			public void integrate(org.hibernate.boot.Metadata metadata,
					org.hibernate.boot.spi.BootstrapContext bootstrapContext,
					org.hibernate.engine.spi.SessionFactoryImplementor sessionFactory) {
				EventListenerRegistry registry = sessionFactory.getServiceRegistry()
					.getService(EventListenerRegistry.class);
				registry.appendListeners(EventType.POST_INSERT, RequestTallyEvents.this);
				registry.appendListeners(EventType.POST_UPDATE, RequestTallyEvents.this);
				registry.appendListeners(EventType.POST_DELETE, RequestTallyEvents.this);
			}

		};
		hibernateProperties.put(JpaSettings.INTEGRATOR_PROVIDER, (IntegratorProvider) () -> List.of(integrator));
	}

	@Override
	public void onPostInsert(PostInsertEvent event) {
		if (event.getEntity() instanceof DsrRequest request) {
			this.events.publishEvent(new RequestTallyChanged(null, RequestTally.of(request)));
		}
	}

	@Override
	public void onPostUpdate(PostUpdateEvent event) {
		if (!(event.getEntity() instanceof DsrRequest request)) {
			return;
		}
		RequestTally after = RequestTally.of(request);
		Object[] old = event.getOldState();
		if (old == null) {
			// Hibernate did not load the row before the update (an update of a detached
			// entity without a merge), which is not how this application writes requests:
			// nothing to subtract from. Failing the user's change would be worse than
			// counts that are right again after the next recount.
			logger.warn("Request {} was updated without its previous state; counts kept from it catch up at their"
					+ " next recount", request.getId());
			return;
		}
		RequestTally before = before(event.getPersister(), old);
		if (!before.equals(after)) {
			this.events.publishEvent(new RequestTallyChanged(before, after));
		}
	}

	@Override
	public void onPostDelete(PostDeleteEvent event) {
		if (event.getEntity() instanceof DsrRequest request) {
			this.events.publishEvent(new RequestTallyChanged(RequestTally.of(request), null));
		}
	}

	@Override
	public boolean requiresPostCommitHandling(EntityPersister persister) {
		return false;
	}

	private static RequestTally before(EntityPersister persister, Object[] state) {
		List<String> names = List.of(persister.getPropertyNames());
		Object[] values = new Object[TALLIED.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = state[names.indexOf(TALLIED.get(i))];
		}
		return new RequestTally((RequestStatus) values[0], (RequestType) values[1], (LocalDate) values[2],
				(LocalDate) values[3], (Instant) values[4], (RejectionGround) values[5],
				RequestTally.toldUntil((LocalDate) values[6], (LocalDate) values[7]));
	}

}
