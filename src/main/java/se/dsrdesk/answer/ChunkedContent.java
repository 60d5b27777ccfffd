package se.dsrdesk.answer;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A stored file of the answer package read back one chunk at a time, so that a download
 * of a large ZIP holds one chunk in memory, never the file.
 */
class ChunkedContent extends InputStream {

	/** The size of a stored chunk: 1 MB. */
	static final int CHUNK = 1024 * 1024;

	private final JdbcClient jdbc;

	private final long fileId;

	private int next;

	private byte[] chunk = new byte[0];

	private int at;

	private boolean ended;

	ChunkedContent(JdbcClient jdbc, long fileId) {
		this.jdbc = jdbc;
		this.fileId = fileId;
	}

	@Override
	public int read() throws IOException {
		if (!fill()) {
			return -1;
		}
		return this.chunk[this.at++] & 0xff;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		if (!fill()) {
			return -1;
		}
		int n = Math.min(length, this.chunk.length - this.at);
		System.arraycopy(this.chunk, this.at, buffer, offset, n);
		this.at += n;
		return n;
	}

	private boolean fill() {
		while (!this.ended && this.at >= this.chunk.length) {
			Optional<byte[]> data = this.jdbc.sql("SELECT data FROM answer_file_chunk WHERE file_id = ? AND seq = ?")
				.params(this.fileId, this.next++)
				.query(byte[].class)
				.optional();
			if (data.isEmpty()) {
				this.ended = true;
			}
			else {
				this.chunk = data.get();
				this.at = 0;
			}
		}
		return !this.ended || this.at < this.chunk.length;
	}

}
