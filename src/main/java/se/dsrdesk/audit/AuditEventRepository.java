package se.dsrdesk.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/**
 * Reads and appends audit events. Deliberately a bare {@link Repository}: it has no
 * update or delete methods.
 */
interface AuditEventRepository extends Repository<AuditEvent, Long> {

	AuditEvent save(AuditEvent event);

	Page<AuditEvent> findAllByOrderByOccurredAtDescIdDesc(Pageable pageable);

	Page<AuditEvent> findByTargetTypeAndTargetIdOrderByOccurredAtDescIdDesc(String targetType, String targetId,
			Pageable pageable);

}
