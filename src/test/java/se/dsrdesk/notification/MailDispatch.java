package se.dsrdesk.notification;

import org.springframework.context.ApplicationContext;

/**
 * Lets tests in other packages send the queued mail now, instead of waiting for the
 * dispatcher's schedule.
 */
public final class MailDispatch {

	private MailDispatch() {
	}

	/**
	 * Sends what is due.
	 * @param context the application
	 * @return how many mails were sent
	 */
	public static int now(ApplicationContext context) {
		return context.getBean(MailDispatcher.class).dispatch();
	}

}
