package se.dsrdesk.location.persistence;

import se.dsrdesk.location.RetentionHold;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RetentionHoldRepository extends JpaRepository<RetentionHold, Long> {

	Optional<RetentionHold> findByTaskId(long taskId);

	@EntityGraph(attributePaths = "location")
	@Query("select h from RetentionHold h where h.id = :id")
	Optional<RetentionHold> findDetailedById(long id);

	@EntityGraph(attributePaths = "location")
	List<RetentionHold> findByRequestIdOrderByIdAsc(long requestId);

}
