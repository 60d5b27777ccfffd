package se.dsrdesk.request.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import se.dsrdesk.request.RequestType;
import se.dsrdesk.request.RequestStatus;
import se.dsrdesk.request.DsrRequest;

/**
 * Requests.
 */
public interface DsrRequestRepository extends JpaRepository<DsrRequest, Long> {

	@EntityGraph(attributePaths = { "subject", "pauses" })
	Optional<DsrRequest> findByReference(String reference);

	Optional<DsrRequest> findByReplyKey(String replyKey);

	@EntityGraph(attributePaths = { "subject", "pauses" })
	@Query("select r from DsrRequest r where r.id = :id")
	Optional<DsrRequest> findDetailedById(long id);

	/**
	 * The requests made together, one per right (their index is {@code made_with}).
	 * @param madeWith the first of them
	 * @return all of them, the first first
	 */
	@EntityGraph(attributePaths = "subject")
	List<DsrRequest> findByMadeWithOrderByIdAsc(Long madeWith);

	/**
	 * The requests closed as duplicates of one (their index is {@code duplicate_of}).
	 * @param duplicateOf the request answered instead
	 * @return the duplicates, oldest first
	 */
	List<DsrRequest> findByDuplicateOfOrderByIdAsc(Long duplicateOf);

	/**
	 * The next number for a reference, from a database sequence so that numbers are
	 * unique across application instances.
	 * @return the next number
	 */
	@Query(value = "select nextval('dsr_request_reference_seq')", nativeQuery = true)
	long nextReferenceNumber();

	/**
	 * Requests of a person, by their normalised address, in some statuses, newest first.
	 * @param emailKey the normalised address
	 * @param statuses the statuses
	 * @param pageable how many
	 * @return the requests, with their subjects
	 */
	@Query("select r from DsrRequest r join fetch r.subject s where s.emailKey = :emailKey and r.status in :statuses"
			+ " order by r.id desc")
	List<DsrRequest> findByEmailKey(String emailKey, Collection<RequestStatus> statuses, Pageable pageable);

	/**
	 * Other open requests of a type from a person, oldest first: a new one like them may
	 * be a duplicate.
	 */
	@Query("select r from DsrRequest r join r.subject s where s.emailKey = :emailKey and r.type = :type"
			+ " and r.status in :statuses and r.id <> :excluded order by r.receivedAt, r.id")
	List<DsrRequest> findOthersOfType(String emailKey, RequestType type, Collection<RequestStatus> statuses,
			long excluded, Pageable pageable);

	/**
	 * A person's other requests: those of the same person record, or of another with the
	 * same normalised address, newest first.
	 */
	@Query("select r from DsrRequest r join r.subject s where (s.id = :subjectId or s.emailKey = :emailKey)"
			+ " and r.id <> :excluded order by r.id desc")
	List<DsrRequest> findOthersOfPerson(long subjectId, String emailKey, long excluded, Pageable pageable);

	@EntityGraph(attributePaths = { "subject" })
	@Query("select r from DsrRequest r where r.id in :ids order by r.id")
	List<DsrRequest> findWithSubjects(Collection<Long> ids);

}
