package se.dsrdesk.system.api;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import se.dsrdesk.system.ApiProblems;
import se.dsrdesk.system.ConcurrentChangeException;

/**
 * Every POST to the API runs in one transaction, from the first read to the answer's last
 * byte: the change, the answer built from it and, for a call sent with an
 * {@code Idempotency-Key}, that answer stored under the key. The answer leaves only after
 * the commit; if the commit fails, the caller gets 503 and nothing was stored, and if the
 * commit succeeded but the answer was lost on the way, a retry with the same key gets the
 * first answer back (same status, headers that matter and body) without doing the work
 * again. A key sent again with another call (another path or body) is refused with 422.
 * Only successful answers are stored: a refusal changed nothing, so its retry runs again.
 * <p>
 * Before, {@code POST /api/v1/requests} read the request back in a second transaction
 * after the first had committed: a database restart between the two answered 500 for a
 * request that was stored, and the client's retry registered it twice.
 */
class ApiPostTransactions extends OncePerRequestFilter {

	/** The header (draft-ietf-httpapi-idempotency-key-header). */
	static final String HEADER = "Idempotency-Key";

	/** Set on an answer that is a stored one, replayed. */
	static final String REPLAYED = "Idempotent-Replayed";

	/** The longest body an API call may send. */
	static final int MAX_BODY = 1024 * 1024;

	private static final Logger logger = LoggerFactory.getLogger(ApiPostTransactions.class);

	private final TransactionTemplate transactions;

	private final IdempotencyKeys keys;

	private final ApiSecurityResponses responses;

	private final ApiProblems problems;

	private final ApiProperties properties;

	private final Clock clock;

	ApiPostTransactions(TransactionTemplate transactions, IdempotencyKeys keys, ApiSecurityResponses responses,
			ApiProblems problems, ApiProperties properties, Clock clock) {
		this.transactions = transactions;
		this.keys = keys;
		this.responses = responses;
		this.problems = problems;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod())
				|| !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		if (caller == null || !caller.isAuthenticated() || caller instanceof AnonymousAuthenticationToken) {
			chain.doFilter(request, response);
			return;
		}
		String key = request.getHeader(HEADER);
		if (key != null) {
			key = unquote(key.strip());
			if (!validKey(key)) {
				this.responses.write(request, response, this.problems.invalid(HEADER, "api.idempotency.key.invalid",
						ApiSecurityResponses.locale(request)));
				return;
			}
		}
		Optional<byte[]> body = readBody(request);
		if (body.isEmpty()) {
			this.responses.write(request, response, this.problems.problem(HttpStatus.CONTENT_TOO_LARGE,
					"body-too-large", ApiSecurityResponses.locale(request), MAX_BODY / 1024));
			return;
		}
		String owner = caller.getName();
		String fingerprint = fingerprint(request, body.get());
		Instant now = this.clock.instant();
		Instant expiredBefore = now.minus(this.properties.idempotency().keepFor());
		HttpServletRequest replayable = new ReplayableBody(request, body.get());
		ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
		String claimed = key;
		try {
			this.transactions.executeWithoutResult((status) -> {
				if (claimed != null) {
					try {
						this.keys.claim(owner, claimed, fingerprint, now, expiredBefore);
					}
					catch (DuplicateKeyException ex) {
						throw new KeyTaken(ex);
					}
				}
				try {
					chain.doFilter(replayable, answer);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				catch (ServletException ex) {
					throw new NestedServletFailure(ex);
				}
				if (answer.getStatus() >= 300) {
					status.setRollbackOnly();
					return;
				}
				if (claimed != null) {
					this.keys.complete(owner, claimed, answerOf(answer));
				}
			});
		}
		catch (KeyTaken ex) {
			replay(request, response, owner, key, fingerprint, expiredBefore);
			return;
		}
		catch (OptimisticLockingFailureException ex) {
			// Someone saved the same record at the same moment; found at the commit.
			answer.resetBuffer();
			response.reset();
			this.responses.write(request, response, this.problems.problem(HttpStatus.CONFLICT,
					ConcurrentChangeException.CHANGED_MEANWHILE, ApiSecurityResponses.locale(request)));
			return;
		}
		catch (DataAccessException | TransactionException ex) {
			logger.warn("An API call failed on the database and was rolled back: {}", ex.toString());
			unavailable(request, response);
			return;
		}
		catch (NestedServletFailure ex) {
			throw ex.servletException;
		}
		answer.copyBodyToResponse();
	}

	private void replay(HttpServletRequest request, HttpServletResponse response, String owner, String key,
			String fingerprint, Instant expiredBefore) throws IOException {
		Optional<IdempotencyKeys.Stored> stored;
		try {
			stored = this.keys.find(owner, key, expiredBefore);
		}
		catch (DataAccessException ex) {
			unavailable(request, response);
			return;
		}
		if (stored.isEmpty()) {
			// Stored and expired at the same moment: let the caller try again.
			this.responses.write(request, response, this.problems.problem(HttpStatus.CONFLICT, "idempotency-key-busy",
					ApiSecurityResponses.locale(request)));
			return;
		}
		if (!stored.get().fingerprint().equals(fingerprint)) {
			this.responses.write(request, response, this.problems.problem(HttpStatus.UNPROCESSABLE_CONTENT,
					"idempotency-key-reused", ApiSecurityResponses.locale(request)));
			return;
		}
		IdempotencyKeys.Answer answer = stored.get().answer();
		response.setStatus(answer.status());
		if (answer.contentType() != null) {
			response.setContentType(answer.contentType());
		}
		if (answer.location() != null) {
			response.setHeader(HttpHeaders.LOCATION, answer.location());
		}
		if (answer.etag() != null) {
			response.setHeader(HttpHeaders.ETAG, answer.etag());
		}
		response.setHeader(REPLAYED, "true");
		byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

	private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.reset();
		response.setHeader(HttpHeaders.RETRY_AFTER, "5");
		this.responses.write(request, response, this.problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
				ApiSecurityResponses.locale(request)));
	}

	private static IdempotencyKeys.Answer answerOf(ContentCachingResponseWrapper answer) {
		return new IdempotencyKeys.Answer(answer.getStatus(), answer.getContentType(),
				answer.getHeader(HttpHeaders.LOCATION), answer.getHeader(HttpHeaders.ETAG),
				new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8));
	}

	/**
	 * Whether a key is one we keep: 1 to 255 visible ASCII characters (a UUID is the
	 * usual choice).
	 */
	static boolean validKey(String key) {
		if (key.isEmpty() || key.length() > 255) {
			return false;
		}
		return key.chars().allMatch((c) -> c > 0x20 && c < 0x7f);
	}

	/**
	 * The draft sends the key as a structured-field string, in quotes; plain works too.
	 */
	private static String unquote(String key) {
		if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
			return key.substring(1, key.length() - 1);
		}
		return key;
	}

	/** What was called: the method, the path with its query and the body, hashed. */
	static String fingerprint(HttpServletRequest request, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(request.getMethod().getBytes(StandardCharsets.UTF_8));
			digest.update((byte) ' ');
			digest.update(request.getRequestURI().getBytes(StandardCharsets.UTF_8));
			if (request.getQueryString() != null) {
				digest.update((byte) '?');
				digest.update(request.getQueryString().getBytes(StandardCharsets.UTF_8));
			}
			digest.update((byte) '\n');
			digest.update(body);
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The body, or empty when it is longer than {@link #MAX_BODY}. */
	private static Optional<byte[]> readBody(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > MAX_BODY) {
			return Optional.empty();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (InputStream in = request.getInputStream()) {
			byte[] buffer = new byte[8192];
			int read;
			while ((read = in.read(buffer)) != -1) {
				out.write(buffer, 0, read);
				if (out.size() > MAX_BODY) {
					return Optional.empty();
				}
			}
		}
		return Optional.of(out.toByteArray());
	}

	/** The key was stored by an earlier call (the claim's unique index). */
	private static final class KeyTaken extends RuntimeException {

		private static final long serialVersionUID = 1L;

		KeyTaken(DuplicateKeyException cause) {
			super(cause);
		}

	}

	/** A servlet exception carried out of the transaction callback. */
	private static final class NestedServletFailure extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient ServletException servletException;

		NestedServletFailure(ServletException servletException) {
			super(servletException);
			this.servletException = servletException;
		}

	}

	/** The request with its body read once and served again to the controller. */
	private static final class ReplayableBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReplayableBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}

			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			String encoding = (getCharacterEncoding() != null) ? getCharacterEncoding() : "UTF-8";
			return new java.io.BufferedReader(new java.io.InputStreamReader(new ByteArrayInputStream(this.body),
					java.nio.charset.Charset.forName(encoding)));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
