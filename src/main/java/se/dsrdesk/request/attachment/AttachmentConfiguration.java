package se.dsrdesk.request.attachment;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Registers {@link UploadTooLargeFilter} just before Spring Security's filters, at the
 * servlet's multipart request limit.
 */
@Configuration(proxyBeanMethods = false)
class AttachmentConfiguration {

	@Bean
	FilterRegistrationBean<UploadTooLargeFilter> uploadTooLargeFilter(
			@Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize limit) {
		FilterRegistrationBean<UploadTooLargeFilter> registration = new FilterRegistrationBean<>(
				new UploadTooLargeFilter(limit.toBytes()));
		registration.addUrlPatterns("/staff/requests/*", "/request/status/*");
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
		return registration;
	}

}
