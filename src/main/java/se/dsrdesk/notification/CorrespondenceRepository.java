package se.dsrdesk.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * Stores and reads the correspondence log.
 */
interface CorrespondenceRepository extends Repository<Correspondence, Long> {

	Correspondence save(Correspondence correspondence);

	/**
	 * Claims due queued mail for the current transaction: the rows stay locked until it
	 * ends, and rows another dispatcher holds are skipped rather than waited for.
	 */
	@Query(value = """
			SELECT * FROM correspondence
			WHERE status = 'QUEUED' AND next_attempt_at <= :now
			ORDER BY next_attempt_at, id
			LIMIT :limit
			FOR UPDATE SKIP LOCKED""", nativeQuery = true)
	List<Correspondence> claimDue(@Param("now") Instant now, @Param("limit") int limit);

	Page<Correspondence> findByRequestIdOrderByCreatedAtDescIdDesc(Long requestId, Pageable pageable);

}
