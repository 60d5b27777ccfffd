package se.dsrdesk.location;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface LocationTaskRepository extends JpaRepository<LocationTask, Long> {

	@EntityGraph(attributePaths = "location")
	@Query("select t from LocationTask t where t.id = :id")
	Optional<LocationTask> findDetailedById(long id);

	@EntityGraph(attributePaths = "location")
	List<LocationTask> findByRequestIdOrderByIdAsc(long requestId);

	long countByRequestIdAndStatus(long requestId, TaskStatus status);

	List<LocationTask> findByRequestIdAndStatus(long requestId, TaskStatus status);

	long countByLocationId(long locationId);

}
