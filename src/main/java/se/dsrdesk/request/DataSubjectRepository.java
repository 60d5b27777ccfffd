package se.dsrdesk.request;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

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

}
