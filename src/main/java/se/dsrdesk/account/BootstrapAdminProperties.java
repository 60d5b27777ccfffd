package se.dsrdesk.account;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first administrator, created on first start when there are no accounts at all
 * ({@code DSR_ADMIN_EMAIL}, {@code DSR_ADMIN_PASSWORD}, {@code DSR_ADMIN_ROLES}).
 *
 * @param email the administrator's email address
 * @param password the administrator's password; when empty a random one is generated,
 * printed once in the log, and must be changed at the first sign-in
 * @param roles the first administrator's roles: all three by default, since at a small
 * company the first user also handles the requests and watches the deadlines; the
 * administrator role is always given
 */
@ConfigurationProperties("dsr.admin")
record BootstrapAdminProperties(@DefaultValue("admin@dsrdesk.local") String email, String password, @DefaultValue( {
		"ADMIN", "CASE_HANDLER", "COMPLIANCE_OFFICER" }) Set<Role> roles){

}
