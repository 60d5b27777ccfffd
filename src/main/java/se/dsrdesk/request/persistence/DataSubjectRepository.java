package se.dsrdesk.request.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import se.dsrdesk.request.RequestStatus;
import se.dsrdesk.request.DataSubject;
import se.dsrdesk.request.DsrRequest;

/**
 * People who have made requests.
 */
public interface DataSubjectRepository extends JpaRepository<DataSubject, Long> {

	/**
	 * The person with a confirmed address, for linking a new request to earlier ones.
	 * @param emailKey the normalised address
	 * @return the earliest such person
	 */
	Optional<DataSubject> findFirstByEmailKeyOrderByIdAsc(String emailKey);

	/**
	 * People other than one with the same normalised address and a request that was
	 * confirmed (or registered by staff), earliest first.
	 * @param emailKey the normalised address
	 * @param excluded the person not to find
	 * @param unconfirmed the statuses of requests that do not count
	 * @param pageable how many
	 * @return the people
	 */
	@Query("select s from DataSubject s where s.emailKey = :emailKey and s.id <> :excluded and s.erasedAt is null"
			+ " and exists (select r.id from DsrRequest r where r.subject = s and r.status not in :unconfirmed)"
			+ " order by s.id")
	List<DataSubject> findConfirmedByEmailKey(String emailKey, long excluded, Collection<RequestStatus> unconfirmed,
			Pageable pageable);

}
