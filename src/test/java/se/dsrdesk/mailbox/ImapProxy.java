package se.dsrdesk.mailbox;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A small TCP proxy in front of a test IMAP server, on a port of its own that stays the
 * same while the server "goes away": {@link #cut()} drops every open connection and from
 * then on closes each new one at once (the client sees the server hang up), counting
 * them; {@link #restore()} forwards again. With {@code withoutIdle} it takes {@code IDLE}
 * out of the server's capabilities, to stand for a server that does not offer it.
 */
final class ImapProxy implements AutoCloseable {

	private static final Pattern IDLE = Pattern.compile(" IDLE(?=[ \\]\\r\\n])");

	private final int target;

	private final boolean withoutIdle;

	private final ServerSocket server;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private final List<Long> refusedAt = new CopyOnWriteArrayList<>();

	private volatile boolean cut;

	ImapProxy(int target, boolean withoutIdle) {
		this.target = target;
		this.withoutIdle = withoutIdle;
		try {
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		Thread acceptor = new Thread(this::accept, "imap-proxy-" + port());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	/** Drops every open connection and hangs up on each new one until restored. */
	void cut() {
		this.cut = true;
		for (Socket socket : this.open) {
			closeQuietly(socket);
		}
	}

	/** Forwards new connections again. */
	void restore() {
		this.cut = false;
	}

	/**
	 * When each connection was hung up on while cut.
	 * @return {@link System#nanoTime()} of each, in order
	 */
	List<Long> refusedAt() {
		return new ArrayList<>(this.refusedAt);
	}

	private void accept() {
		while (!this.server.isClosed()) {
			Socket client;
			try {
				client = this.server.accept();
			}
			catch (IOException ex) {
				return;
			}
			if (this.cut) {
				this.refusedAt.add(System.nanoTime());
				closeQuietly(client);
				continue;
			}
			try {
				Socket upstream = new Socket(InetAddress.getLoopbackAddress(), this.target);
				this.open.add(client);
				this.open.add(upstream);
				pump(client, upstream, false);
				pump(upstream, client, this.withoutIdle);
			}
			catch (IOException ex) {
				closeQuietly(client);
			}
		}
	}

	private void pump(Socket from, Socket to, boolean stripIdle) {
		Thread pump = new Thread(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				if (stripIdle) {
					copyLines(new BufferedInputStream(in), out);
				}
				else {
					in.transferTo(out);
				}
			}
			catch (IOException ex) {
				// one side hung up
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "imap-proxy-pump");
		pump.setDaemon(true);
		pump.start();
	}

	/** Copies line by line, taking IDLE out of the capability lists. */
	private static void copyLines(InputStream in, OutputStream out) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != -1) {
			line.write(b);
			if (b == '\n') {
				String text = line.toString(StandardCharsets.ISO_8859_1);
				if (text.contains("CAPABILITY")) {
					text = IDLE.matcher(text).replaceAll("");
				}
				out.write(text.getBytes(StandardCharsets.ISO_8859_1));
				out.flush();
				line.reset();
			}
		}
		out.write(line.toByteArray());
		out.flush();
	}

	private void closeQuietly(Socket socket) {
		this.open.remove(socket);
		try {
			socket.close();
		}
		catch (IOException ex) {
			// closed already
		}
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// closed already
		}
		cut();
	}

}
