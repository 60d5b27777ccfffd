package se.dsrdesk.policy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.dsrdesk.audit.Actor;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.system.ControllerIdentity;
import se.dsrdesk.system.NotFoundException;

/**
 * Publishes versions of the privacy policy and says which one is in force. A material
 * change must be announced at least {@code dsr.policy.notice-days} days before it takes
 * effect; {@link PolicyNotices} then mails everyone DSR Desk can reach.
 */
@Service
public class PolicyService {

	static final String AUDIT_TARGET = "POLICY_VERSION";

	private final PolicyVersionRepository versions;

	private final PolicyProperties properties;

	private final AuditLog audit;

	private final ControllerIdentity controller;

	private final Clock clock;

	PolicyService(PolicyVersionRepository versions, PolicyProperties properties, AuditLog audit,
			ControllerIdentity controller, Clock clock) {
		this.versions = versions;
		this.properties = properties;
		this.audit = audit;
		this.controller = controller;
		this.clock = clock;
	}

	/**
	 * Publishes a version. A material change is refused when fewer than the notice days
	 * remain before its effective date; no version takes effect in the past or on the day
	 * of another.
	 * @param draft what the admin wrote
	 * @param actor the admin
	 * @return the published version
	 * @throws PolicyRefusedException when it cannot be published so
	 */
	@Transactional
	public PolicyVersion publish(Draft draft, Actor actor) {
		LocalDate today = today();
		if (draft.effectiveOn().isBefore(today)) {
			throw new PolicyRefusedException("policy.refused.past");
		}
		LocalDate earliest = earliestMaterialDate();
		if (draft.material() && draft.effectiveOn().isBefore(earliest)) {
			throw new PolicyRefusedException("policy.refused.tooLate", this.properties.noticeDays(), earliest);
		}
		if (this.versions.existsByEffectiveOn(draft.effectiveOn())) {
			throw new PolicyRefusedException("policy.refused.sameDay");
		}
		PolicyVersion version = this.versions.save(new PolicyVersion(draft.effectiveOn(), draft.material(),
				draft.summarySv(), draft.summaryEn(), draft.textSv(), draft.textEn(), this.clock.instant()));
		this.audit.record(actor, "POLICY_PUBLISHED", AUDIT_TARGET, version.getId(),
				"effective " + version.getEffectiveOn() + (version.isMaterial() ? ", material" : ""));
		return version;
	}

	/**
	 * How many days before its effective date a material change must be announced.
	 * @return the days
	 */
	public int noticeDays() {
		return this.properties.noticeDays();
	}

	/**
	 * The earliest effective date a material change published today may have.
	 * @return today plus the notice days
	 */
	public LocalDate earliestMaterialDate() {
		return today().plusDays(this.properties.noticeDays());
	}

	/**
	 * The versions as they stand today: the one in force, the ones announced, and the
	 * earlier ones.
	 * @return the overview; the current version is empty while the built-in text is in
	 * force
	 */
	@Transactional(readOnly = true)
	public Overview overview() {
		LocalDate today = today();
		List<PolicyVersion> past = this.versions.findByEffectiveOnLessThanEqualOrderByEffectiveOnDesc(today);
		List<PolicyVersion> upcoming = this.versions.findByEffectiveOnGreaterThanOrderByEffectiveOnAsc(today);
		Optional<PolicyVersion> current = past.stream().findFirst();
		return new Overview(current, upcoming, past.isEmpty() ? List.of() : past.subList(1, past.size()));
	}

	/**
	 * All versions, the latest effective first.
	 * @return the versions
	 */
	@Transactional(readOnly = true)
	public List<PolicyVersion> all() {
		return this.versions.findAllByOrderByEffectiveOnDesc();
	}

	/**
	 * One version.
	 * @param id its id
	 * @return the version
	 * @throws NotFoundException when there is none
	 */
	@Transactional(readOnly = true)
	public PolicyVersion get(long id) {
		return this.versions.findById(id).orElseThrow(() -> new NotFoundException("Policy version"));
	}

	LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), this.controller.timeZone());
	}

	/**
	 * What an admin writes for a new version.
	 *
	 * @param effectiveOn the day it takes effect
	 * @param material whether it is a change of decisive importance, announced by mail
	 * @param summarySv what changes and what it means for the person, in Swedish
	 * @param summaryEn the same in English
	 * @param textSv the whole policy in Swedish
	 * @param textEn the whole policy in English
	 */
	public record Draft(LocalDate effectiveOn, boolean material, String summarySv, String summaryEn, String textSv,
			String textEn) {

	}

	/**
	 * The policy versions as they stand on one day.
	 *
	 * @param current the version in force, empty while the built-in text is
	 * @param upcoming the versions announced, the soonest first
	 * @param history the earlier versions, the latest first
	 */
	public record Overview(Optional<PolicyVersion> current, List<PolicyVersion> upcoming, List<PolicyVersion> history) {

	}

}
