package se.dsrdesk.answer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the answer letters ({@code dsr.letters.*}).
 *
 * @param listRecipients whether an answer to an erasure, rectification or restriction
 * names each recipient that was told of it (and those that could not be), rather than
 * saying that the person can ask who they are (GDPR Art. 19, second sentence)
 */
@ConfigurationProperties("dsr.letters")
public record LetterProperties(@DefaultValue("false") boolean listRecipients) {
}
