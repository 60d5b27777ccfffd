package se.dsrdesk.request;

import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Requests.
 */
public interface DsrRequestRepository extends JpaRepository<DsrRequest, Long> {

	@EntityGraph(attributePaths = { "subject", "pauses" })
	Optional<DsrRequest> findByReference(String reference);

	@EntityGraph(attributePaths = { "subject", "pauses" })
	@Query("select r from DsrRequest r where r.id = :id")
	Optional<DsrRequest> findDetailedById(long id);

	/**
	 * The next number for a reference, from a database sequence so that numbers are
	 * unique across application instances.
	 * @return the next number
	 */
	@Query(value = "select nextval('dsr_request_reference_seq')", nativeQuery = true)
	long nextReferenceNumber();

}
