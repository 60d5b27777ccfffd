package se.dsrdesk.system.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

import se.dsrdesk.account.signin.SignInSlice;
import se.dsrdesk.account.token.ApiTokenSlice;
import se.dsrdesk.account.PasswordPolicy;
import se.dsrdesk.system.Branding;
import se.dsrdesk.system.ControllerIdentity;
import se.dsrdesk.system.DisplayFormats;
import se.dsrdesk.system.api.ApiSecuritySlice;

/**
 * What every page and API call passes through, for {@code @WebMvcTest} slices (see
 * {@link se.dsrdesk.support.WebSliceTest}): the real security filter chains (roles per
 * URL, CSRF, sign-in form, API authentication and its problem details), the clock, the
 * controller's identity and the display formats the templates use.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ PasswordPolicy.class, SecurityConfiguration.class, ClockConfiguration.class, DisplayFormats.class,
		SignInSlice.class, ApiTokenSlice.class, ApiSecuritySlice.class })
@EnableConfigurationProperties({ ControllerIdentity.class, Branding.class })
public class WebSlice {

}
