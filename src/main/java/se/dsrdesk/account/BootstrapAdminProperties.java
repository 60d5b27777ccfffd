package se.dsrdesk.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first administrator, created on first start when there are no accounts at all
 * ({@code DSR_ADMIN_EMAIL}, {@code DSR_ADMIN_PASSWORD}).
 *
 * @param email the administrator's email address
 * @param password the administrator's password; when empty a random one is generated and
 * printed once in the log
 */
@ConfigurationProperties("dsr.admin")
record BootstrapAdminProperties(@DefaultValue("admin@dsrdesk.local") String email, String password) {

}
