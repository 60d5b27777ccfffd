package se.dsrdesk.request.note;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/**
 * Internal notes: saved and read, never updated or deleted.
 */
public interface RequestNoteRepository extends Repository<RequestNote, Long> {

	RequestNote save(RequestNote note);

	List<RequestNote> findByRequestIdOrderByCreatedAtDescIdDesc(Long requestId, Pageable pageable);

}
