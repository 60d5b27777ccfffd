package se.dsrdesk.answer;

/**
 * Where a build of the answer package has got to, for its progress page: the step
 * ({@code pdf}, {@code data}, {@code files}, {@code zip}, {@code store}), how far within
 * it, and how far overall in per cent.
 */
@FunctionalInterface
interface BuildProgress {

	/** Progress that nobody watches (a package built while the answer is sent). */
	BuildProgress NONE = (step, done, total, percent) -> {
	};

	/**
	 * Reports a step.
	 * @param step the step's name
	 * @param done how many of its items are done
	 * @param total how many it has
	 * @param percent how far the whole build is, 0 to 100
	 */
	void report(String step, int done, int total, int percent);

	/**
	 * Counts a build's work: rendering the PDF weighs as much as copying one file per two
	 * of its sections; every original is copied, zipped and stored; the own files are
	 * zipped and stored.
	 */
	final class Counter {

		private final BuildProgress progress;

		private final int sections;

		private final int originals;

		private final int units;

		private int done;

		private int zipped;

		private int stored;

		private int copied;

		Counter(BuildProgress progress, int sections, int originals) {
			this.progress = progress;
			this.sections = sections;
			this.originals = originals;
			// PDF, data files (up to three), originals, then every file zipped and
			// stored.
			this.units = pdfWeight() + 3 + originals + 2 * (originals + 4);
		}

		private int pdfWeight() {
			return Math.max(1, this.sections / 2);
		}

		void pdf() {
			report("pdf", 0, this.sections);
			this.done += pdfWeight();
		}

		void data() {
			report("data", 0, 1);
			this.done += 3;
		}

		void original() {
			report("files", ++this.copied, this.originals);
			this.done++;
		}

		void zip() {
			report("zip", ++this.zipped, this.originals + 4);
			this.done++;
		}

		void store() {
			report("store", ++this.stored, this.originals + 4);
			this.done++;
		}

		private void report(String step, int at, int total) {
			this.progress.report(step, at, total, Math.min(99, this.done * 100 / this.units));
		}

	}

}
