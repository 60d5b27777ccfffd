package se.dsrdesk.request.casefile;

/**
 * A step on a request's page that needs nothing but the version of the request the person
 * saw (take up, resume, mark withdrawn); the other steps' forms add their fields. A
 * different version means someone else changed the request meanwhile.
 *
 * <p>
 * Each step's form is checked with Bean Validation; the messages are the bundles' keys
 * named in the constraints, and a text that is too long is told by the bundles'
 * {@code Size.<field>} keys, which give the limit as argument {@code {1}}.
 */
class VersionForm {

	/** The longest text of a step, in characters. */
	static final int MAX_TEXT = StepRules.MAX_TEXT;

	private Long version;

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
