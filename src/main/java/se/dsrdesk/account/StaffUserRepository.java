package se.dsrdesk.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Staff accounts.
 */
public interface StaffUserRepository extends JpaRepository<StaffUser, Long> {

	Optional<StaffUser> findByEmail(String normalisedEmail);

	boolean existsByEmail(String normalisedEmail);

	Page<StaffUser> findAllByOrderByActiveDescEmailAsc(Pageable pageable);

	@Query("select count(u) from StaffUser u join u.roles r where u.active = true and r = :role")
	long countActiveWithRole(Role role);

	@Query("select u from StaffUser u join u.roles r where u.active = true and r = :role order by u.email")
	List<StaffUser> findActiveWithRole(Role role);

}
