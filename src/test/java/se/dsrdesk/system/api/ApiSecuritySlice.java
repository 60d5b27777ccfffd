package se.dsrdesk.system.api;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

import se.dsrdesk.system.ApiProblems;
import se.dsrdesk.system.RateLimiter;

/**
 * The API's answers for slice tests: problem details for 401, 403 and 429 from the filter
 * chain, the failure counter per client address, and the problem details of the
 * controllers' errors (the advice itself is picked up by {@code @WebMvcTest}).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ ApiSecurityResponses.class, ApiAuthenticationThrottle.class, ApiProblems.class, RateLimiter.class })
@EnableConfigurationProperties(ApiProperties.class)
public class ApiSecuritySlice {

}
