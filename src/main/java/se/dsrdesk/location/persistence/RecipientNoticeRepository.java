package se.dsrdesk.location.persistence;

import se.dsrdesk.location.RecipientNotice;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RecipientNoticeRepository extends JpaRepository<RecipientNotice, Long> {

	List<RecipientNotice> findByTaskIdOrderByIdAsc(long taskId);

	List<RecipientNotice> findByRequestIdOrderByTaskIdAscIdAsc(long requestId);

	boolean existsByTaskIdAndRecipientName(long taskId, String recipientName);

}
