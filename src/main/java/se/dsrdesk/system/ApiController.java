package se.dsrdesk.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.web.bind.annotation.RestController;

/**
 * A controller of the REST API under {@code /api/v1}: its errors are answered as RFC 9457
 * problem details by the one advice scoped to this annotation
 * ({@code system.api.ApiExceptionHandler}), so that the web pages' error handling is
 * unchanged.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RestController
public @interface ApiController {

}
