package se.dsrdesk.account.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * Personal API tokens.
 */
interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

	Optional<ApiToken> findByHash(String hash);

	List<ApiToken> findTop100ByOwnerIdOrderByIdDesc(Long ownerId);

	long countByOwnerIdAndRevokedAtIsNull(Long ownerId);

	/**
	 * Records a use, unless another request recorded one within the last minute.
	 * @return the rows changed, 0 or 1
	 */
	@Modifying
	@Query("update ApiToken t set t.lastUsedAt = :now where t.id = :id"
			+ " and (t.lastUsedAt is null or t.lastUsedAt <= :staleBefore)")
	int recordUse(long id, Instant now, Instant staleBefore);

}
