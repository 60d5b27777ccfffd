package se.dsrdesk.request;

import java.util.List;
import java.util.Optional;

/**
 * The files attached to a request (what the person sent, what staff uploaded), for a
 * module that sends them on: the answer package encloses those the case handler chooses
 * as copies of the data (GDPR Art. 15(3)). Implemented by the request's attachments.
 */
public interface RequestFiles {

	/**
	 * A request's files without their content, oldest first.
	 * @param requestId the request
	 * @return its files
	 */
	List<RequestFile> ofRequest(long requestId);

	/**
	 * A file's content, to send it on. Not recorded as a staff download: the answer that
	 * encloses it is audited.
	 * @param requestId the request the file must belong to
	 * @param fileId the file
	 * @return its bytes, empty when there is no such file (deleted meanwhile)
	 */
	Optional<byte[]> content(long requestId, long fileId);

	/**
	 * A file attached to a request.
	 *
	 * @param id its id
	 * @param fileName its (normalised) name
	 * @param contentType its type
	 * @param size its size in bytes
	 * @param identityDocument whether it is a copy of an identity document
	 */
	record RequestFile(long id, String fileName, String contentType, long size, boolean identityDocument) {
	}

}
