package se.dsrdesk.location.persistence;

import se.dsrdesk.location.RestrictionHold;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RestrictionHoldRepository extends JpaRepository<RestrictionHold, Long> {

	@EntityGraph(attributePaths = "location")
	@Query("select h from RestrictionHold h where h.id = :id")
	Optional<RestrictionHold> findDetailedById(long id);

	@EntityGraph(attributePaths = "location")
	List<RestrictionHold> findByRequestIdOrderByIdAsc(long requestId);

	@EntityGraph(attributePaths = "location")
	@Query("select h from RestrictionHold h where h.liftedAt is null order by h.id")
	List<RestrictionHold> findActive(Pageable page);

	long countByLiftedAtIsNull();

	Optional<RestrictionHold> findByNoticeCorrespondenceId(long correspondenceId);

}
