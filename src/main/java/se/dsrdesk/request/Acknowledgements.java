package se.dsrdesk.request;

import java.util.List;

/**
 * The acknowledgement that a request was received, with its reference, deadline and
 * status link: one for the public form's requests once confirmed, and one for those staff
 * register (by email, letter, phone or from the privacy inbox), so that every channel
 * gets the same letter. Implemented by the intake, which issues the status links.
 */
public interface Acknowledgements {

	/**
	 * Acknowledges requests made together, in the caller's transaction: one letter that
	 * names each right with its reference, deadline and own status link, mailed when
	 * there is an email address and otherwise stored as a letter to post when there is a
	 * postal address.
	 * @param together the requests, the first right first
	 * @return the status link's secret of the first request
	 */
	String acknowledge(List<DsrRequest> together);

}
