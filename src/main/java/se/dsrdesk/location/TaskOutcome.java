package se.dsrdesk.location;

import java.util.EnumSet;
import java.util.Set;

import se.dsrdesk.request.RequestType;

import static se.dsrdesk.request.RequestType.ACCESS;
import static se.dsrdesk.request.RequestType.ERASURE;
import static se.dsrdesk.request.RequestType.OBJECTION;
import static se.dsrdesk.request.RequestType.PORTABILITY;
import static se.dsrdesk.request.RequestType.RECTIFICATION;
import static se.dsrdesk.request.RequestType.RESTRICTION;
import static se.dsrdesk.request.RequestType.WITHDRAW_CONSENT;

/**
 * What was found and done at one location, by request type.
 */
public enum TaskOutcome {

	/** Nothing about the person is held there. */
	NOT_FOUND(EnumSet.of(ACCESS, ERASURE, RECTIFICATION, RESTRICTION, PORTABILITY, WITHDRAW_CONSENT), Needs.NOTHING),

	/** Access: data was found; the summary says what. */
	FOUND(EnumSet.of(ACCESS), Needs.SUMMARY),

	/** Erasure: all of it was erased. */
	ERASED(EnumSet.of(ERASURE), Needs.NOTHING),

	/** Erasure: kept on a legal ground until a date. */
	RETAINED(EnumSet.of(ERASURE), Needs.GROUND_AND_DATE),

	/**
	 * Erasure: partly erased; the summary says what was kept, the ground why, and the
	 * date until when.
	 */
	PARTLY_ERASED(EnumSet.of(ERASURE), Needs.SUMMARY_GROUND_AND_DATE),

	/** Objection: the processing has stopped. */
	PROCESSING_STOPPED(EnumSet.of(OBJECTION), Needs.NOTHING),

	/**
	 * Objection: the processing continues on compelling legitimate grounds that override
	 * the person's interests, rights and freedoms (Art. 21(1), first limb): our interest,
	 * the person's particular situation and, in the summary, why ours prevails. Never at
	 * a direct-marketing location (Art. 21(3)) nor a consent-based one (Art. 7(3)).
	 */
	CONTINUES(EnumSet.of(OBJECTION), Needs.BALANCING),

	/**
	 * Objection: the processing continues only to establish, exercise or defend legal
	 * claims (Art. 21(1), second limb); the summary says which. Never at a
	 * direct-marketing location (Art. 21(3)) nor a consent-based one (Art. 7(3)).
	 */
	CONTINUES_FOR_LEGAL_CLAIMS(EnumSet.of(OBJECTION), Needs.SUMMARY),

	/**
	 * Withdrawal of consent: the consent is recorded as withdrawn and the processing
	 * based on it has stopped (Art. 7(3)). The withdrawal needs no reason and cannot be
	 * refused; the processing before it stays lawful.
	 */
	CONSENT_WITHDRAWN(EnumSet.of(WITHDRAW_CONSENT), Needs.NOTHING),

	/** Rectification, restriction or portability: done. */
	DONE(EnumSet.of(RECTIFICATION, RESTRICTION, PORTABILITY), Needs.NOTHING),

	/**
	 * Rectification, restriction or portability: not possible; the summary gives the
	 * reason.
	 */
	NOT_POSSIBLE(EnumSet.of(RECTIFICATION, RESTRICTION, PORTABILITY), Needs.SUMMARY);

	private final Set<RequestType> types;

	private final Needs needs;

	TaskOutcome(Set<RequestType> types, Needs needs) {
		this.types = types;
		this.needs = needs;
	}

	/**
	 * The outcomes that fit a request type, in the order a form offers them.
	 * @param type the request type
	 * @return the outcomes
	 */
	public static Set<TaskOutcome> forType(RequestType type) {
		Set<TaskOutcome> outcomes = EnumSet.noneOf(TaskOutcome.class);
		for (TaskOutcome outcome : values()) {
			if (outcome.types.contains(type)) {
				outcomes.add(outcome);
			}
		}
		return outcomes;
	}

	public boolean fits(RequestType type) {
		return this.types.contains(type);
	}

	/** Whether this outcome needs the summary text (what, why or reasons). */
	public boolean needsSummary() {
		return this.needs == Needs.SUMMARY || this.needs == Needs.SUMMARY_GROUND_AND_DATE
				|| this.needs == Needs.BALANCING;
	}

	/**
	 * Whether this outcome weighs our compelling legitimate grounds against the person's
	 * situation (Art. 21(1)): our interest and their situation are required.
	 */
	public boolean needsBalancing() {
		return this.needs == Needs.BALANCING;
	}

	/** Whether the processing objected to continues, on either limb of Art. 21(1). */
	public boolean continuesProcessing() {
		return this == CONTINUES || this == CONTINUES_FOR_LEGAL_CLAIMS;
	}

	/** Whether this outcome keeps data, on a legal ground until a date: a hold. */
	public boolean retains() {
		return this.needs == Needs.GROUND_AND_DATE || this.needs == Needs.SUMMARY_GROUND_AND_DATE;
	}

	/**
	 * Whether this outcome carried out an erasure, a rectification or a restriction,
	 * which the controller communicates to each recipient of the data (Art. 19, first
	 * sentence). Nothing found, kept or not possible carries nothing out.
	 * @param type the request's type
	 * @return whether the location's recipients must be informed
	 */
	public boolean carriesOutForRecipients(RequestType type) {
		return switch (type) {
			case ERASURE -> this == ERASED || this == PARTLY_ERASED;
			case RECTIFICATION, RESTRICTION -> this == DONE;
			default -> false;
		};
	}

	/**
	 * Whether this outcome restricts processing, which stands until lifted (Art. 18(3)).
	 */
	public boolean restricts(RequestType type) {
		return type == RESTRICTION && this == DONE;
	}

	private enum Needs {

		NOTHING, SUMMARY, GROUND_AND_DATE, SUMMARY_GROUND_AND_DATE, BALANCING

	}

}
