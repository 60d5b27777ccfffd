package se.dsrdesk.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

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
	 * Claims due queued mail, queued longest first, for the current transaction: the rows
	 * stay locked until it ends, and rows another dispatcher holds are skipped rather
	 * than waited for.
	 */
	@Query(value = """
			SELECT * FROM correspondence
			WHERE status = 'QUEUED' AND next_attempt_at <= :now
			ORDER BY created_at, id
			LIMIT :limit
			FOR UPDATE SKIP LOCKED""", nativeQuery = true)
	List<Correspondence> claimDue(@Param("now") Instant now, @Param("limit") int limit);

	Page<Correspondence> findByRequestIdOrderByCreatedAtDescIdDesc(Long requestId, Pageable pageable);

	Optional<Correspondence> findById(Long id);

	Page<Correspondence> findByStatusOrderByCreatedAtAscIdAsc(Correspondence.Status status, Pageable pageable);

	List<Correspondence> findByRequestIdAndStatusInOrderByCreatedAtAscIdAsc(Long requestId,
			Collection<Correspondence.Status> statuses);

	/** Given-up mail nobody has sent again or dismissed, newest first. */
	@Query(value = """
			SELECT c FROM Correspondence c
			WHERE c.status = se.dsrdesk.notification.Correspondence.Status.FAILED AND c.dismissedAt IS NULL
			ORDER BY c.createdAt DESC, c.id DESC""", countQuery = """
			SELECT COUNT(c) FROM Correspondence c
			WHERE c.status = se.dsrdesk.notification.Correspondence.Status.FAILED AND c.dismissedAt IS NULL""")
	Page<Correspondence> findFailedUnhandled(Pageable pageable);

	@Query("""
			SELECT c FROM Correspondence c
			WHERE c.requestId = :requestId AND c.status = se.dsrdesk.notification.Correspondence.Status.FAILED
				AND c.dismissedAt IS NULL
			ORDER BY c.createdAt, c.id""")
	List<Correspondence> findFailedUnhandledForRequest(@Param("requestId") Long requestId);

	@Query("""
			SELECT COUNT(c) FROM Correspondence c
			WHERE c.status = se.dsrdesk.notification.Correspondence.Status.FAILED AND c.dismissedAt IS NULL""")
	long countFailedUnhandled();

	/**
	 * Legally required notices given up and not handled, or queued since before a time.
	 */
	@Query("""
			SELECT COUNT(c) FROM Correspondence c
			WHERE c.recipientKind = se.dsrdesk.notification.RecipientKind.SUBJECT AND c.template IN :templates
				AND ((c.status = se.dsrdesk.notification.Correspondence.Status.FAILED AND c.dismissedAt IS NULL)
					OR (c.status = se.dsrdesk.notification.Correspondence.Status.QUEUED AND c.createdAt < :queuedBefore))""")
	long countLegalNoticesFailedOrQueuedBefore(@Param("templates") Collection<String> templates,
			@Param("queuedBefore") Instant queuedBefore);

}
