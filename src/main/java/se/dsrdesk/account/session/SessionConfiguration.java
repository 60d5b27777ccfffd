package se.dsrdesk.account.session;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;

import se.dsrdesk.audit.AuditLog;

/**
 * Staff sessions: kept in the database by Spring Session JDBC (configured by Spring Boot,
 * the tables by Flyway), with an absolute lifetime on top of the idle timeout.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SessionProperties.class)
class SessionConfiguration {

	@Bean
	CookieSerializer sessionCookies() {
		return new SessionCookies();
	}

	@Bean
	FilterRegistrationBean<SessionLifetimeFilter> sessionLifetimeFilter(SessionProperties properties, Clock clock,
			AuditLog auditLog) {
		FilterRegistrationBean<SessionLifetimeFilter> registration = new FilterRegistrationBean<>(
				new SessionLifetimeFilter(properties, clock, auditLog));
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
		return registration;
	}

}
