package se.dsrdesk.system.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the REST API (springdoc-openapi, limited to {@code /api/**}
 * by {@code springdoc.paths-to-match}): served at {@code /v3/api-docs}, browsable at
 * {@code /swagger-ui.html}. Every call needs a personal API token as Bearer, or a staff
 * account with HTTP Basic.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
		info = @Info(title = "DSR Desk API", version = "v1",
				description = "Register and follow GDPR data-subject requests. Errors are RFC 9457 problem details "
						+ "(application/problem+json); bad input adds errors: [{field, message}]. "
						+ "Messages follow Accept-Language (sv or en)."),
		security = { @SecurityRequirement(name = "bearerToken"), @SecurityRequirement(name = "basic") })
@SecurityScheme(name = "bearerToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
		description = "A personal API token from the profile page (Staff → API tokens), starting with dsr_")
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
		description = "A staff account's email address and password")
class OpenApiConfiguration {

}
