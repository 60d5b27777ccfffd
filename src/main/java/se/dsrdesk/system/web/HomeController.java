package se.dsrdesk.system.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public front page and the staff start page.
 */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "public/home";
	}

	@GetMapping("/staff")
	String staffHome() {
		return "staff/home";
	}

}
