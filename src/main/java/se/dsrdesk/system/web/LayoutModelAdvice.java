package se.dsrdesk.system.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import se.dsrdesk.system.Branding;
import se.dsrdesk.system.ControllerIdentity;

/**
 * What the layout needs on every page: the controller's identity for the footer, its
 * branding for the public header, and the current path for the language switch.
 */
@ControllerAdvice
class LayoutModelAdvice {

	private final ControllerIdentity controller;

	private final Branding branding;

	LayoutModelAdvice(ControllerIdentity controller, Branding branding) {
		this.controller = controller;
		this.branding = branding;
	}

	@ModelAttribute("branding")
	Branding branding() {
		return this.branding;
	}

	@ModelAttribute("controllerIdentity")
	ControllerIdentity controllerIdentity() {
		return this.controller;
	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.isEmpty() ? "/" : path;
	}

}
