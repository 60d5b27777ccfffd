package se.dsrdesk.account.token;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The API token's part of the web layer for slice tests in other packages: reading and
 * checking a Bearer token in the API's filter chain. {@link ApiTokens} (the service) is
 * left to the test to mock.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(ApiTokenAuthentication.class)
public class ApiTokenSlice {

}
