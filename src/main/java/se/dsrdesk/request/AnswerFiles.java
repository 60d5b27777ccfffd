package se.dsrdesk.request;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The files of a request's answer that the person can still download (the extract, the
 * data, the original files, one ZIP of all), for their status page. The answer package
 * implements it, as with {@link AnswerAttachments}; the status page only lists them, and
 * the downloads themselves go through the answer package's own pages.
 */
public interface AnswerFiles {

	/**
	 * The files of the request's newest answer link.
	 * @param requestId the request
	 * @return the files and until when they can be downloaded, empty when the request was
	 * never answered with files
	 */
	Optional<Offer> offered(long requestId);

	/**
	 * What the status page offers.
	 *
	 * @param files the files, in the order built; empty once the link has expired
	 * @param lastDay the last day they can be downloaded
	 * @param available whether they can be downloaded now
	 */
	record Offer(List<File> files, LocalDate lastDay, boolean available) {

		public Offer {
			files = List.copyOf(files);
		}

	}

	/**
	 * One file.
	 *
	 * @param name its name
	 * @param size its size in bytes
	 * @param own whether it is one of the package's own files (the extract, the data, the
	 * ZIP) rather than an original
	 */
	record File(String name, long size, boolean own) {

		/**
		 * The size in kilobytes (1000 bytes), for the page.
		 * @return the size in kB
		 */
		public double kilobytes() {
			return this.size / 1000.0;
		}

	}

}
