package se.dsrdesk.system;

/**
 * The authentication details of a call to the REST API, so that listeners can tell it
 * from a sign-in to the web pages.
 *
 * @param remoteAddress the client's address
 */
public record ApiCall(String remoteAddress) {

}
