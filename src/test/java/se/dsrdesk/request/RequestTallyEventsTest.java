package se.dsrdesk.request;

import se.dsrdesk.request.persistence.RequestTallyEvents;

import java.util.List;

import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.persister.entity.EntityPersister;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationEventPublisher;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Which writes of a request publish {@link RequestTallyChanged}, and with what values.
 */
class RequestTallyEventsTest {

	/** The entity's properties in Hibernate's order (any order will do). */
	private static final List<String> PROPERTIES = List.of("assignee", "closedAt", "delayAnnouncedOn",
			"delayExpectedOn", "description", "effectiveDeadline", "receiptDate", "rejectionGround", "status", "type",
			"version");

	private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);

	private final RequestTallyEvents listener = new RequestTallyEvents(this.events);

	private final EntityPersister persister = mock(EntityPersister.class);

	RequestTallyEventsTest() {
		given(this.persister.getPropertyNames()).willReturn(PROPERTIES.toArray(String[]::new));
	}

	@Test
	void aNewRequestIsPublishedWithItsValues() {
		DsrRequest request = DsrRequestTest.received(Channel.WEB);
		this.listener.onPostInsert(new PostInsertEvent(request, 1L, new Object[0], this.persister, null));
		verify(this.events).publishEvent(new RequestTallyChanged(null, RequestTally.of(request)));
	}

	@Test
	void anUpdateOfATalliedValueIsPublishedWithTheValuesBeforeAndAfter() {
		DsrRequest request = DsrRequestTest.inProgress();
		RequestTally before = new RequestTally(RequestStatus.NEW, request.getType(), request.getReceiptDate(),
				request.getEffectiveDeadline(), null, null, null);
		this.listener.onPostUpdate(update(request, before));
		verify(this.events).publishEvent(new RequestTallyChanged(before, RequestTally.of(request)));
	}

	@Test
	void aDelayAnnouncedOrGivenUpIsPublished() {
		DsrRequest request = DsrRequestTest.inProgress();
		RequestTally untold = RequestTally.of(request);
		RequestTally told = new RequestTally(untold.status(), untold.type(), untold.receiptDate(),
				untold.effectiveDeadline(), null, null, untold.effectiveDeadline().plusDays(14));
		this.listener.onPostUpdate(update(request, told));
		verify(this.events).publishEvent(new RequestTallyChanged(told, untold));
	}

	@Test
	void anUpdateThatChangesNothingTalliedPublishesNothing() {
		DsrRequest request = DsrRequestTest.inProgress();
		this.listener.onPostUpdate(update(request, RequestTally.of(request)));
		verifyNoInteractions(this.events);
	}

	@Test
	void aDeletedRequestIsPublishedWithItsLastValues() {
		DsrRequest request = DsrRequestTest.inProgress();
		this.listener.onPostDelete(new PostDeleteEvent(request, 1L, new Object[0], this.persister, null));
		verify(this.events).publishEvent(new RequestTallyChanged(RequestTally.of(request), null));
	}

	@Test
	void otherEntitiesAreNotTallied() {
		DataSubject subject = new DataSubject("Åsa Öberg", "asa@example.se", null, "sv", DsrRequestTest.RECEIVED);
		this.listener.onPostInsert(new PostInsertEvent(subject, 1L, new Object[0], this.persister, null));
		verifyNoInteractions(this.events);
	}

	private PostUpdateEvent update(DsrRequest request, RequestTally before) {
		Object[] old = new Object[PROPERTIES.size()];
		old[PROPERTIES.indexOf("status")] = before.status();
		old[PROPERTIES.indexOf("type")] = before.type();
		old[PROPERTIES.indexOf("receiptDate")] = before.receiptDate();
		old[PROPERTIES.indexOf("effectiveDeadline")] = before.effectiveDeadline();
		old[PROPERTIES.indexOf("closedAt")] = before.closedAt();
		old[PROPERTIES.indexOf("rejectionGround")] = before.rejectionGround();
		old[PROPERTIES.indexOf("delayAnnouncedOn")] = (before.toldUntil() != null) ? before.receiptDate() : null;
		old[PROPERTIES.indexOf("delayExpectedOn")] = before.toldUntil();
		old[PROPERTIES.indexOf("description")] = "Please erase";
		return new PostUpdateEvent(request, 1L, new Object[PROPERTIES.size()], old, null, this.persister, null);
	}

}
