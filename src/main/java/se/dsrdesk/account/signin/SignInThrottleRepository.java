package se.dsrdesk.account.signin;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface SignInThrottleRepository extends JpaRepository<SignInThrottle, String> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t from SignInThrottle t where t.loginKey = :loginKey")
	Optional<SignInThrottle> findForUpdate(String loginKey);

}
