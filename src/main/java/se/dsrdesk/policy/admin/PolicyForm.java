package se.dsrdesk.policy.admin;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import se.dsrdesk.policy.PolicyService;

/**
 * What an admin writes for a new version of the privacy policy.
 */
public class PolicyForm {

	@NotNull(message = "{validation.required}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate effectiveOn;

	private boolean material;

	@NotBlank(message = "{validation.required}")
	@Size(max = 2000, message = "{validation.tooLong}")
	private String summarySv;

	@NotBlank(message = "{validation.required}")
	@Size(max = 2000, message = "{validation.tooLong}")
	private String summaryEn;

	@NotBlank(message = "{validation.required}")
	@Size(max = 100000, message = "{validation.tooLong}")
	private String textSv;

	@NotBlank(message = "{validation.required}")
	@Size(max = 100000, message = "{validation.tooLong}")
	private String textEn;

	PolicyService.Draft toDraft() {
		return new PolicyService.Draft(this.effectiveOn, this.material, this.summarySv.strip(), this.summaryEn.strip(),
				this.textSv.strip(), this.textEn.strip());
	}

	public LocalDate getEffectiveOn() {
		return this.effectiveOn;
	}

	public void setEffectiveOn(LocalDate effectiveOn) {
		this.effectiveOn = effectiveOn;
	}

	public boolean isMaterial() {
		return this.material;
	}

	public void setMaterial(boolean material) {
		this.material = material;
	}

	public String getSummarySv() {
		return this.summarySv;
	}

	public void setSummarySv(String summarySv) {
		this.summarySv = summarySv;
	}

	public String getSummaryEn() {
		return this.summaryEn;
	}

	public void setSummaryEn(String summaryEn) {
		this.summaryEn = summaryEn;
	}

	public String getTextSv() {
		return this.textSv;
	}

	public void setTextSv(String textSv) {
		this.textSv = textSv;
	}

	public String getTextEn() {
		return this.textEn;
	}

	public void setTextEn(String textEn) {
		this.textEn = textEn;
	}

}
