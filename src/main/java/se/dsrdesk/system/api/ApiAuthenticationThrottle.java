package se.dsrdesk.system.api;

import org.springframework.stereotype.Component;

import se.dsrdesk.system.RateLimiter;

/**
 * Counts failed API authentications per client address
 * ({@code dsr.api.auth-failures-per-hour} in the application's {@link RateLimiter}); an
 * address that has used them up is refused before any credential is checked. Guessing
 * tokens is hopeless anyway (256 bits); this stops a client from hammering HTTP Basic,
 * whose passwords are also protected per login name by the sign-in lock-out.
 */
@Component
class ApiAuthenticationThrottle {

	private final RateLimiter.Limit failures;

	ApiAuthenticationThrottle(RateLimiter limiter, ApiProperties properties) {
		this.failures = limiter.hourly("api-authentication-failure", properties.authFailuresPerHour(),
				properties.rateLimitClients());
	}

	/**
	 * Whether an address has used up its failures.
	 * @param client the client address
	 * @return 0 when it may try, else the seconds until it may again
	 */
	long secondsBlocked(String client) {
		return this.failures.secondsBlocked(client);
	}

	/**
	 * Counts a failed authentication.
	 * @param client the client address
	 */
	void failed(String client) {
		this.failures.record(client);
	}

}
