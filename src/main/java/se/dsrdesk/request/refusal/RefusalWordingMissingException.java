package se.dsrdesk.request.refusal;

import java.util.List;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

import se.dsrdesk.system.RefusedException;

/**
 * An answer that refuses the request in part (Art. 12(4)) must tell the person that they
 * may complain to the supervisory authority and go to court; after the case handler's
 * edits the letter no longer does. Refused unless the handler confirms sending it anyway:
 * 422, problem kind {@value #KIND}.
 */
public class RefusalWordingMissingException extends RefusedException {

	/** The kind of API problem. */
	public static final String KIND = "refusal-wording-missing";

	private final List<String> missing;

	/**
	 * @param missing what is missing: {@code complaint}, {@code court} or both
	 */
	public RefusalWordingMissingException(List<String> missing) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, KIND, "answer.refusalWording.missing",
				new DefaultMessageSourceResolvable("answer.refusalWording.missing." + String.join("-", missing)));
		this.missing = List.copyOf(missing);
	}

	/**
	 * What the letter lacks.
	 * @return {@code complaint}, {@code court} or both, in that order
	 */
	public List<String> missing() {
		return this.missing;
	}

}
