package se.dsrdesk.system;

import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Component;

/**
 * Creates the Spring Data repositories in the background once the application is ready.
 * They are created on first use
 * ({@code spring.data.jpa.repositories.bootstrap-mode=lazy}), which keeps the parsing of
 * their queries out of the start-up; this does that work straight after it, so that the
 * first visitor of a page does not wait for it, and a query that does not fit the entity
 * model is reported in the log at once.
 */
@Component
class RepositoryWarmUp {

	private static final Logger logger = LoggerFactory.getLogger(RepositoryWarmUp.class);

	private final ListableBeanFactory beans;

	private final Executor executor;

	RepositoryWarmUp(ListableBeanFactory beans, @Qualifier("applicationTaskExecutor") Executor executor) {
		this.beans = beans;
		this.executor = executor;
	}

	@EventListener(ApplicationReadyEvent.class)
	void createRepositories() {
		this.executor.execute(() -> {
			try {
				logger.debug("Created {} repositories", this.beans.getBeansOfType(Repository.class).size());
			}
			catch (RuntimeException ex) {
				logger.error("A repository could not be created; the pages that use it will fail", ex);
			}
		});
	}

}
