package se.dsrdesk.system.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public front page. The staff start page is the dashboard module's
 * ({@code StartPageController}): it shows counts of work.
 */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "public/home";
	}

}
