package se.dsrdesk.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import se.dsrdesk.account.signin.SignInGuard;
import se.dsrdesk.account.token.ApiTokens;
import se.dsrdesk.audit.AuditLog;
import se.dsrdesk.system.web.WebSlice;

/**
 * A slice test of controllers in the fast lane: Spring MVC with the application's
 * security, message bundles and templates, and no database. The services behind the
 * controllers are mocked with {@code @MockitoBean} in the test; the sign-in's user lookup
 * ({@link SignInGuard}), the API tokens ({@link ApiTokens}) and the audit trail
 * ({@link AuditLog}, which refused tokens are written to) are mocked here.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@Import(WebSlice.class)
@MockitoBean(types = { SignInGuard.class, ApiTokens.class, AuditLog.class })
public @interface WebSliceTest {

	/**
	 * The controllers under test.
	 * @return the controller classes
	 */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value() default {};

}
