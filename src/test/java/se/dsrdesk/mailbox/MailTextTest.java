package se.dsrdesk.mailbox;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readable copy of a mail for the answer package's review: the RFC 2047 encoded words
 * of Subject, From, To, Cc and the like written decoded as UTF-8 (RFC 6532 §3.2 allows
 * UTF-8 in header values), so that a third person's name there can be masked like any
 * text (GDPR Art. 15(4)); everything else byte for byte.
 */
class MailTextTest {

	static final String MESSAGE_ID = "Message-ID: <=?UTF-8?Q?inte_avkodad?=.1234@mail.example.se>\r\n";

	@Test
	void decodesQAndBEncodedWordsInTheHeadersPeopleRead() {
		String decoded = decoded("Subject: =?UTF-8?Q?M=C3=B6te_med_Bj=C3=B6rn_Svensson?=\r\n"
				+ "From: =?UTF-8?B?QmrDtnJuIFN2ZW5zc29u?= <bjorn@example.se>\r\n" + "To: kundtjanst@example.se\r\n");

		assertThat(decoded).contains("Subject: Möte med Björn Svensson\r\n",
				"From: Björn Svensson <bjorn@example.se>\r\n", "To: kundtjanst@example.se\r\n");
	}

	@Test
	void decodesEachWordInItsOwnCharset() {
		String decoded = decoded(
				"Cc: =?ISO-8859-1?Q?=C5sa_=D6berg?= <asa@example.se>," + " =?utf-8?b?QmrDtnJu?= <bjorn@example.se>\r\n"
						+ "Subject: =?iso-8859-1?B?xXNh?= och =?UTF-8?Q?Bj=C3=B6rn?=\r\n");

		assertThat(decoded).contains("Cc: Åsa Öberg <asa@example.se>, Björn <bjorn@example.se>\r\n",
				"Subject: Åsa och Björn\r\n");
	}

	@Test
	void joinsAdjacentEncodedWordsWithoutTheSpaceBetweenThemButKeepsItBesideText() {
		// RFC 2047 §6.2: white space between adjacent encoded words is not displayed
		String decoded = decoded("Subject: Re: =?UTF-8?Q?Hej_?= =?UTF-8?Q?Bj=C3=B6rn?=  \t=?UTF-8?B?IFN2ZW5zc29u?= i"
				+ " morgon\r\n" + "To: =?UTF-8?Q?Bj=C3?= =?UTF-8?Q?=B6rn?= <bjorn@example.se>\r\n");

		assertThat(decoded).contains("Subject: Re: Hej Björn Svensson i morgon\r\n",
				// a character split over two words
				"To: Björn <bjorn@example.se>\r\n");
	}

	@Test
	void unfoldsAFoldedHeaderAndFoldsItAgainWithinTheLimits() {
		String decoded = decoded("Subject: =?UTF-8?Q?Ang=C3=A5ende_Bj=C3=B6rn_Svenssons_best=C3=A4llning_?=\r\n"
				+ " =?UTF-8?Q?och_leveransen_fr=C3=A5n_lagret?=\r\n"
				+ "To: =?UTF-8?Q?Bj=C3=B6rn_Svensson?= <bjorn.svensson@example.se>,\r\n"
				+ " =?UTF-8?Q?=C3=85sa_=C3=96berg?= <asa.oberg@example.se>,\r\n"
				+ "\t=?UTF-8?Q?Per_Persson?= <per.persson@example.se>, lager@example.se,\r\n"
				+ " =?UTF-8?Q?K=C3=A4lla?= <kalla@example.se>\r\n");

		// a subject on one line, so that a name is never split in the review
		assertThat(decoded).contains("Subject: Angående Björn Svenssons beställning och leveransen från lagret\r\n")
			// addresses whole, folded between them after 78 characters
			.contains("To: Björn Svensson <bjorn.svensson@example.se>,\r\n"
					+ " Åsa Öberg <asa.oberg@example.se>,\tPer Persson <per.persson@example.se>,\r\n"
					+ " lager@example.se, Källa <kalla@example.se>\r\n");
		MimeMessage parsed = parse(decoded);
		assertThat(subject(parsed)).isEqualTo("Angående Björn Svenssons beställning och leveransen från lagret");
		assertThat(personals(parsed, Message.RecipientType.TO)).containsExactly("Björn Svensson", "Åsa Öberg",
				"Per Persson", null, "Källa");
	}

	@Test
	void foldsASubjectOnlyWhereItWouldPass998Octets() {
		String word = "=?UTF-8?Q?" + "=C3=A5".repeat(30) + "?=";
		String decoded = decoded("Subject: " + String.join(" och ", java.util.Collections.nCopies(40, word)) + "\r\n");

		String subject = decoded.substring(decoded.indexOf("Subject:"), decoded.indexOf(MESSAGE_ID));
		String[] lines = subject.split("\r\n");
		assertThat(lines).hasSize(3)
			.allSatisfy((line) -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(998));
		assertThat(lines[0].getBytes(StandardCharsets.UTF_8).length).as("folded only where it must")
			.isGreaterThan(998 - 70);
		assertThat(subject(parse(decoded)))
			.isEqualTo(String.join(" och ", java.util.Collections.nCopies(40, "å".repeat(30))));
	}

	@Test
	void keepsAWordItCannotDecodeAsItWas() {
		String decoded = decoded("Subject: =?x-okand?Q?Bj=F6rn?= =?UTF-8?Q?och?= =?UTF-8?B?!!inte-base64?="
				+ " =?UTF-8?Q?=FF=FE?= =?UTF-8?Q?Bj=C3=B6rn?= =?UTF-8?Q?trasig=ZZ?= =?UTF-8?Q?Bj=C3=B6rn\r\n"
				+ "Cc: =?UTF-8?Q?Per=0D=0ABcc:_smygare@example.se?= <per@example.se>\r\n");

		assertThat(decoded)
			.contains("Subject: =?x-okand?Q?Bj=F6rn?= och =?UTF-8?B?!!inte-base64?= =?UTF-8?Q?=FF=FE?= Björn"
					+ " =?UTF-8?Q?trasig=ZZ?= =?UTF-8?Q?Bj=C3=B6rn\r\n")
			// a decoded line break would start a header of its own
			.contains("Cc: =?UTF-8?Q?Per=0D=0ABcc:_smygare@example.se?= <per@example.se>\r\n");
	}

	@Test
	void quotesADecodedNameWithSpecialsAndDecodesQuotesAndComments() {
		String decoded = decoded("From: =?UTF-8?Q?Svensson=2C_Bj=C3=B6rn?= <bjorn@example.se>\r\n"
				+ "Reply-To: \"=?UTF-8?Q?Bj=C3=B6rn_=22B=22?=\" <bjorn@example.se> (=?UTF-8?Q?p=C3=A5_lagret_=28syd=29?=)\r\n"
				+ "Sender: <=?UTF-8?Q?x?=@example.se>\r\n");

		assertThat(decoded).contains("From: \"Svensson, Björn\" <bjorn@example.se>\r\n",
				"Reply-To: \"Björn \\\"B\\\"\" <bjorn@example.se> (på lagret \\(syd\\))\r\n",
				"Sender: <=?UTF-8?Q?x?=@example.se>\r\n");
		MimeMessage parsed = parse(decoded);
		assertThat(personals(parsed, null)).containsExactly("Svensson, Björn");
	}

	@Test
	void leavesMessageIdAndOtherHeadersAndThePartsAsTheyWere() throws Exception {
		String eml = MESSAGE_ID + "References: <=?UTF-8?Q?a?=@example.se>\r\n"
				+ "Received: from =?UTF-8?Q?x?= by mail.example.se\r\n"
				+ "DKIM-Signature: v=1; a=rsa-sha256; h=Subject:From; b=abc=?UTF-8?Q?x?=\r\n"
				+ "Subject: =?UTF-8?Q?Bj=C3=B6rn?=\r\n" + "MIME-Version: 1.0\r\n"
				+ "Content-Type: multipart/mixed; boundary=\"b1\"\r\n" + "\r\n" + "--b1\r\n"
				+ "Content-Type: text/plain; charset=us-ascii\r\n" + "Subject: =?UTF-8?Q?inte_h=C3=A4r?=\r\n" + "\r\n"
				+ "Subject: =?UTF-8?Q?inte_heller_h=C3=A4r?=\r\n" + "--b1\r\n"
				+ "Content-Type: application/pdf; name=\"=?UTF-8?Q?kvitto-=C3=A5.pdf?=\"\r\n"
				+ "Content-Disposition: attachment; filename=\"=?UTF-8?Q?kvitto-=C3=A5.pdf?=\"\r\n"
				+ "Content-Transfer-Encoding: base64\r\n" + "\r\n" + "JVBERi0xLjQ=\r\n" + "--b1--\r\n";

		byte[] readable = MailText.readable(eml.getBytes(StandardCharsets.US_ASCII));

		assertThat(new String(readable, StandardCharsets.UTF_8))
			.isEqualTo(eml.replace("Subject: =?UTF-8?Q?Bj=C3=B6rn?=\r\n" + "MIME", "Subject: Björn\r\n" + "MIME"));
		assertThat(parse(new String(readable, StandardCharsets.UTF_8)).getMessageID())
			.isEqualTo("<=?UTF-8?Q?inte_avkodad?=.1234@mail.example.se>");
	}

	@Test
	void changesNotOneByteWhenThereIsNothingToDecode() {
		byte[] plain = ("From: Lagret <lager@example.se>\r\n" + "To: kundtjanst@example.se\r\n" + MESSAGE_ID
				+ "Subject: =?not an encoded word\r\n" + "X-Note: =?UTF-8?Q?Bj=C3=B6rn?=\r\n"
				+ "Content-Type: text/plain; charset=utf-8\r\n" + "\r\n" + "Subject: =?UTF-8?Q?Bj=C3=B6rn?=\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		byte[] latin1 = ("Subject: G\u00f6ran =?UTF-8?Q?Bj=C3=B6rn?=\r\n" + "\r\n" + "Hej\r\n")
			.getBytes(StandardCharsets.ISO_8859_1);

		assertThat(MailText.readable(plain)).isSameAs(plain);
		// a header in 8-bit that is not UTF-8: not ours to guess
		assertThat(MailText.readable(latin1)).isSameAs(latin1);
	}

	@Test
	void aNameMaskedInTheReviewLeavesAMailThatStillParses() {
		String decoded = decoded("Subject: =?UTF-8?Q?Ang=C3=A5ende_Bj=C3=B6rn_Svensson?=\r\n"
				+ "Cc: =?ISO-8859-1?B?QmrWcm4=?= =?UTF-8?Q?_Svensson?= <lager3@example.se>\r\n");
		assertThat(decoded).contains("Cc: BjÖrn Svensson <lager3@example.se>");

		String masked = decoded.replace("Björn Svensson", "[maskerat]").replace("BjÖrn Svensson", "[maskerat]");

		MimeMessage parsed = parse(masked);
		assertThat(subject(parsed)).isEqualTo("Angående [maskerat]");
		assertThat(personals(parsed, Message.RecipientType.CC)).containsExactly("[maskerat]");
		assertThat(masked).doesNotContain("Bj", "Svensson");
	}

	/** A mail with the given header lines and a short text, made readable. */
	private static String decoded(String headers) {
		String eml = headers + MESSAGE_ID + "Content-Type: text/plain; charset=us-ascii\r\n" + "\r\n" + "Hej!\r\n";
		String readable = new String(MailText.readable(eml.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
		assertThat(readable).as("all but the header as it was")
			.endsWith(MESSAGE_ID + "Content-Type: text/plain; charset=us-ascii\r\n" + "\r\n" + "Hej!\r\n");
		return readable;
	}

	/** As a mail program reads it: UTF-8 in header values (RFC 6532). */
	private static MimeMessage parse(String eml) {
		Properties properties = new Properties();
		properties.put("mail.mime.allowutf8", "true");
		try {
			return new MimeMessage(Session.getInstance(properties),
					new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String subject(MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The display names of a header's addresses ({@code null} type: From). */
	private static java.util.List<String> personals(MimeMessage mail, Message.RecipientType type) {
		try {
			return Arrays.stream((type != null) ? mail.getRecipients(type) : mail.getFrom())
				.map((address) -> ((InternetAddress) address).getPersonal())
				.toList();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
