package se.dsrdesk.system.api;

import java.time.Clock;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import se.dsrdesk.system.ApiProblems;

/**
 * Registers {@link ApiPostTransactions} after Spring Security's filters, so that it knows
 * the caller, whose keys are its own.
 */
@Configuration(proxyBeanMethods = false)
class ApiTransactionConfiguration {

	@Bean
	FilterRegistrationBean<ApiPostTransactions> apiPostTransactions(TransactionTemplate transactions,
			IdempotencyKeys keys, ApiSecurityResponses responses, ApiProblems problems, ApiProperties properties,
			Clock clock) {
		FilterRegistrationBean<ApiPostTransactions> registration = new FilterRegistrationBean<>(
				new ApiPostTransactions(transactions, keys, responses, problems, properties, clock));
		registration.addUrlPatterns("/api/*");
		// Spring Security's chain is at -100; this runs inside it, once the caller is
		// known.
		registration.setOrder(0);
		return registration;
	}

}
