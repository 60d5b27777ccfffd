package se.dsrdesk.system.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import se.dsrdesk.system.Branding;
import se.dsrdesk.system.ControllerIdentity;

/**
 * What the layout needs on every page: the controller's identity for the footer, its
 * branding for the public header, the current path for the language switch, and the
 * incoming mail's menu entry.
 */
@ControllerAdvice
class LayoutModelAdvice {

	private final ControllerIdentity controller;

	private final BeanFactory beans;

	private final Branding branding;

	LayoutModelAdvice(ControllerIdentity controller, BeanFactory beans, Branding branding) {
		this.controller = controller;
		this.beans = beans;
		this.branding = branding;
	}

	@ModelAttribute("branding")
	Branding branding() {
		return this.branding;
	}

	/**
	 * The menu entry of the privacy inbox's incoming mail, when the module that reads it
	 * is there (looked up by name: the system module does not depend on it, and slice
	 * tests run without it).
	 * @return the entry's bean, or {@code null}
	 */
	@ModelAttribute("incomingMailMenu")
	Object incomingMailMenu() {
		return this.beans.containsBean("incomingMailMenu") ? this.beans.getBean("incomingMailMenu") : null;
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
