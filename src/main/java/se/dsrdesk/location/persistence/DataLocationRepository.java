package se.dsrdesk.location.persistence;

import se.dsrdesk.location.LegalBasis;

import se.dsrdesk.location.DataLocation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import se.dsrdesk.request.RequestType;

public interface DataLocationRepository extends JpaRepository<DataLocation, Long> {

	@EntityGraph(attributePaths = "owner")
	Page<DataLocation> findByActive(boolean active, Pageable pageable);

	@EntityGraph(attributePaths = { "owner", "recipients", "requestTypes" })
	@Query("select l from DataLocation l where l.id = :id")
	Optional<DataLocation> findDetailedById(long id);

	@EntityGraph(attributePaths = "owner")
	@Query("select l from DataLocation l join l.requestTypes t where l.active = true and t = :type order by l.id")
	List<DataLocation> findActiveFor(RequestType type);

	@EntityGraph(attributePaths = "owner")
	@Query("select l from DataLocation l where l.active = true and l.legalBasis = :basis order by l.id")
	List<DataLocation> findActiveWithBasis(LegalBasis basis);

}
