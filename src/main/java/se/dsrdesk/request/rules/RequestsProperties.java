package se.dsrdesk.request.rules;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rules of the workflow that a controller may set ({@code dsr.requests.*}).
 *
 * @param scopePauseStopsClock whether asking the person to clarify the scope of the
 * request stops the clock; by default it does not: EDPB Guidelines 01/2022 accept at most
 * that, where a large quantity of data is processed, the person is asked to specify
 * (Recital 63), and only a pause for identity stops the clock (Art. 12(6))
 */
@ConfigurationProperties("dsr.requests")
public record RequestsProperties(@DefaultValue("false") boolean scopePauseStopsClock) {
}
