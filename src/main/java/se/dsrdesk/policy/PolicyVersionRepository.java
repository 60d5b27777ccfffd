package se.dsrdesk.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The published policy versions.
 */
interface PolicyVersionRepository extends JpaRepository<PolicyVersion, Long> {

	/**
	 * The versions in force on or before a day, the latest first.
	 * @param day the day
	 * @return the versions
	 */
	List<PolicyVersion> findByEffectiveOnLessThanEqualOrderByEffectiveOnDesc(LocalDate day);

	/**
	 * The versions announced for after a day, the soonest first.
	 * @param day the day
	 * @return the versions
	 */
	List<PolicyVersion> findByEffectiveOnGreaterThanOrderByEffectiveOnAsc(LocalDate day);

	/**
	 * All versions, the latest effective first, for the admin's list.
	 * @return the versions
	 */
	List<PolicyVersion> findAllByOrderByEffectiveOnDesc();

	/**
	 * The next version whose notices are still to be queued.
	 * @return the oldest such version
	 */
	Optional<PolicyVersion> findFirstByNoticesDoneAtIsNullOrderByIdAsc();

	boolean existsByEffectiveOn(LocalDate effectiveOn);

}
