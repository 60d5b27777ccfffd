package se.dsrdesk.system.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Language: Swedish or English. The browser's Accept-Language decides until the person
 * picks a language with the switch ({@code ?lang=sv} or {@code ?lang=en}), which a cookie
 * then remembers.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

	static final Locale SWEDISH = Locale.forLanguageTag("sv");

	static final List<Locale> SUPPORTED = List.of(SWEDISH, Locale.ENGLISH);

	@Bean
	LocaleResolver localeResolver() {
		return new SupportedLocaleResolver();
	}

	/**
	 * Answers requests whose parameters Tomcat cannot read with the translated 400 or 413
	 * page, before anything else reads them (right after the character encoding is set).
	 */
	@Bean
	FilterRegistrationBean<UnreadableParameters> unreadableParameters() {
		FilterRegistrationBean<UnreadableParameters> registration = new FilterRegistrationBean<>(
				new UnreadableParameters());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	/**
	 * Turns off the resource URL encoding that Boot switches on because WebJars' locator
	 * is on the class path. It rewrote every link a page writes ({@code @{...}}), looking
	 * each up as a static resource without caching the misses: two thirds of a page's
	 * time (docs/audit.md). The version-free WebJars paths the templates use are served
	 * as they are, and static files are sent with no-store anyway, so the versioned URLs
	 * it made bought nothing.
	 * @param filter Boot's filter, when there is one
	 * @return a registration that keeps the filter out of the chain
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> noResourceUrlEncoding(
			ObjectProvider<ResourceUrlEncodingFilter> filter) {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				filter.getIfAvailable(ResourceUrlEncodingFilter::new));
		registration.setEnabled(false);
		return registration;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		// The API speaks the caller's Accept-Language and sets no cookie.
		registry.addInterceptor(interceptor).excludePathPatterns("/api/**");
	}

	/**
	 * Picks the best supported language; English for everything else.
	 * @param acceptLanguage the Accept-Language header, may be {@code null}
	 * @return Swedish or English
	 */
	public static Locale bestSupported(String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank()) {
			return Locale.ENGLISH;
		}
		try {
			Locale match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
			return (match != null) ? match : Locale.ENGLISH;
		}
		catch (IllegalArgumentException ex) {
			return Locale.ENGLISH;
		}
	}

	static Locale supported(Locale locale) {
		if (locale != null && SWEDISH.getLanguage().equals(locale.getLanguage())) {
			return SWEDISH;
		}
		return Locale.ENGLISH;
	}

	static class SupportedLocaleResolver extends CookieLocaleResolver {

		SupportedLocaleResolver() {
			super("dsr_lang");
			setCookieMaxAge(Duration.ofDays(365));
			setCookieSameSite("Lax");
			setDefaultLocaleFunction((request) -> bestSupported(request.getHeader("Accept-Language")));
		}

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			return supported(super.resolveLocale(request));
		}

		@Override
		public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
			super.setLocale(request, response, (locale != null) ? supported(locale) : null);
		}

	}

}
