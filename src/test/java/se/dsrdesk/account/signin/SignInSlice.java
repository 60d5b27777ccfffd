package se.dsrdesk.account.signin;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The sign-in's part of the web layer for slice tests in other packages: the failure
 * handler that sends a failed sign-in back to the form. {@link SignInGuard} (the user
 * details service) is left to the test to mock.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SignInFailureHandler.class)
@EnableConfigurationProperties(SignInProperties.class)
public class SignInSlice {

}
