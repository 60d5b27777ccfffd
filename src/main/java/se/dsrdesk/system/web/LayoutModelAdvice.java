package se.dsrdesk.system.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import se.dsrdesk.system.ControllerIdentity;

/**
 * What the layout needs on every page: the controller's identity for the footer and the
 * current path for the language switch.
 */
@ControllerAdvice
class LayoutModelAdvice {

	private final ControllerIdentity controller;

	LayoutModelAdvice(ControllerIdentity controller) {
		this.controller = controller;
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
