#!/usr/bin/env python3
"""A tiny SMTP server for the drills: accepts every mail and appends it, decoded, to a file.

    python3 smtp_sink.py PORT FILE

Each mail is written as "=== MAIL <n> to <recipients> subject <subject> id <Message-ID>" followed
by its decoded text parts, so a script can grep the links out of it and count mails delivered
twice (the application keeps a mail's Message-ID on every attempt). Standard library only (smtpd is gone from Python 3.12).
"""
import email
import email.policy
import socketserver
import sys
import threading

lock = threading.Lock()
count = 0


class Handler(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write((line + "\r\n").encode())
        self.wfile.flush()

    def handle(self):
        try:
            self.converse()
        except ConnectionError:
            pass  # a health probe that hangs up without QUIT

    def converse(self):
        global count
        self.reply("220 drill-sink ESMTP")
        recipients = []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.decode("utf-8", "replace").strip()
            verb = command[:4].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250-drill-sink")
                self.reply("250 8BITMIME")
            elif verb == "MAIL":
                recipients = []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip())
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End with .")
                data = []
                while True:
                    part = self.rfile.readline()
                    if part in (b".\r\n", b".\n", b""):
                        break
                    if part.startswith(b".."):
                        part = part[1:]
                    data.append(part)
                message = email.message_from_bytes(b"".join(data), policy=email.policy.default)
                texts = []
                for piece in message.walk():
                    if piece.get_content_maintype() == "text":
                        try:
                            texts.append(piece.get_content())
                        except Exception:  # noqa: BLE001 - keep the raw text
                            texts.append(piece.get_payload())
                with lock:
                    count += 1
                    with open(sys.argv[2], "a", encoding="utf-8") as out:
                        out.write("=== MAIL %d to %s subject %s id %s\n"
                              % (count, " ".join(recipients), message["subject"], message["message-id"]))
                        out.write("\n".join(texts) + "\n")
                self.reply("250 OK queued")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("250 OK")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


if __name__ == "__main__":
    open(sys.argv[2], "a").close()
    with Server(("127.0.0.1", int(sys.argv[1])), Handler) as server:
        server.serve_forever()
