package se.dsrdesk.account.signin;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SignInThrottleRepository extends JpaRepository<SignInThrottle, SignInThrottle.Key> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t from SignInThrottle t where t.loginKey = :loginKey and t.clientKey = :clientKey")
	Optional<SignInThrottle> findForUpdate(String loginKey, String clientKey);

	@Query("select max(t.blockedUntil) from SignInThrottle t where t.loginKey = :loginKey and t.blockedUntil > :now")
	Optional<Instant> latestBlockEnd(String loginKey, Instant now);

	@Modifying
	@Query("delete from SignInThrottle t where t.loginKey = :loginKey")
	int deleteByLoginKey(String loginKey);

	@Modifying
	@Query("delete from SignInThrottle t where t.loginKey = :loginKey and t.clientKey = :clientKey")
	int deleteByKey(String loginKey, String clientKey);

}
