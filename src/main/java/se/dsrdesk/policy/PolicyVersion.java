package se.dsrdesk.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A published version of the privacy policy, in Swedish and English, with the date it
 * takes effect. A material change is announced by mail to everyone DSR Desk can reach;
 * the version remembers how far the scheduling of those notices has come.
 */
@Entity
@Table(name = "policy_version")
public class PolicyVersion {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "effective_on", nullable = false, updatable = false)
	private LocalDate effectiveOn;

	@Column(nullable = false, updatable = false)
	private boolean material;

	@Column(name = "summary_sv", nullable = false, updatable = false)
	private String summarySv;

	@Column(name = "summary_en", nullable = false, updatable = false)
	private String summaryEn;

	@Column(name = "text_sv", nullable = false, updatable = false)
	private String textSv;

	@Column(name = "text_en", nullable = false, updatable = false)
	private String textEn;

	@Column(name = "published_at", nullable = false, updatable = false)
	private Instant publishedAt;

	@Column(name = "notices_after", nullable = false)
	private long noticesAfter;

	@Column(name = "notices_scheduled", nullable = false)
	private int noticesScheduled;

	@Column(name = "notices_done_at")
	private Instant noticesDoneAt;

	protected PolicyVersion() {
	}

	PolicyVersion(LocalDate effectiveOn, boolean material, String summarySv, String summaryEn, String textSv,
			String textEn, Instant now) {
		this.effectiveOn = effectiveOn;
		this.material = material;
		this.summarySv = summarySv;
		this.summaryEn = summaryEn;
		this.textSv = textSv;
		this.textEn = textEn;
		this.publishedAt = now;
		// Only a material change is announced by mail.
		this.noticesDoneAt = material ? null : now;
	}

	/**
	 * Records a batch of notices scheduled.
	 * @param lastPersonId the last person of the batch
	 * @param queued how many notices were queued for it
	 */
	void noticesScheduled(long lastPersonId, int queued) {
		this.noticesAfter = lastPersonId;
		this.noticesScheduled += queued;
	}

	void noticesDone(Instant now) {
		this.noticesDoneAt = now;
	}

	public Long getId() {
		return this.id;
	}

	public LocalDate getEffectiveOn() {
		return this.effectiveOn;
	}

	public boolean isMaterial() {
		return this.material;
	}

	public String getSummarySv() {
		return this.summarySv;
	}

	public String getSummaryEn() {
		return this.summaryEn;
	}

	public String getTextSv() {
		return this.textSv;
	}

	public String getTextEn() {
		return this.textEn;
	}

	/**
	 * The summary in a language.
	 * @param language Swedish, or English for anything else
	 * @return the summary
	 */
	public String summary(Locale language) {
		return "sv".equals(language.getLanguage()) ? this.summarySv : this.summaryEn;
	}

	/**
	 * The text in a language.
	 * @param language Swedish, or English for anything else
	 * @return the text
	 */
	public String text(Locale language) {
		return "sv".equals(language.getLanguage()) ? this.textSv : this.textEn;
	}

	public Instant getPublishedAt() {
		return this.publishedAt;
	}

	public long getNoticesAfter() {
		return this.noticesAfter;
	}

	public int getNoticesScheduled() {
		return this.noticesScheduled;
	}

	public Instant getNoticesDoneAt() {
		return this.noticesDoneAt;
	}

	/**
	 * Whether all notices of this version are queued (always, for a change that is not
	 * material).
	 * @return {@code true} when no more are to be queued
	 */
	public boolean isNoticesDone() {
		return this.noticesDoneAt != null;
	}

}
