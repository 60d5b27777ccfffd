package se.dsrdesk.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import com.microsoft.playwright.Page;

/**
 * Runs axe-core (from its WebJar) against the page in the browser and answers the WCAG
 * 2.0/2.1 level A and AA violations as readable lines. The page's browser context must be
 * made with {@code setBypassCSP(true)}: the application's Content Security Policy forbids
 * the injected script, rightly.
 */
public final class Axe {

	/** The WCAG 2.1 AA rules, and nothing from axe's best practices. */
	private static final String RUN = """
			async () => {
			  const results = await axe.run(document, {
			    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
			    resultTypes: ['violations']
			  });
			  return results.violations.map(v => {
			    const nodes = v.nodes.map(n => '    ' + n.target.join(' ')
			        + (n.failureSummary ? '\\n      ' + n.failureSummary.replace(/\\n/g, '\\n      ') : ''));
			    return v.id + ' (' + v.impact + '): ' + v.help + ' [' + v.helpUrl + ']\\n' + nodes.join('\\n');
			  });
			}
			""";

	private static final String SCRIPT = load();

	private Axe() {
	}

	/**
	 * Checks the page as it is now.
	 * @param page a loaded page in a context that bypasses CSP
	 * @return one entry per violated rule: rule id, impact, help text and the failing
	 * elements' selectors; empty when the page passes
	 */
	@SuppressWarnings("unchecked")
	public static List<String> violations(Page page) {
		// Colours are judged as the person sees them: wait until every stylesheet the
		// page
		// links has been applied (on a loaded machine a check could otherwise see the
		// page
		// half-styled and report the browser's default link colours).
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
		page.waitForFunction("() => Array.from(document.querySelectorAll('link[rel=stylesheet]'))"
				+ ".every((l) => l.sheet !== null || l.closest('noscript') !== null)");
		if (!Boolean.TRUE.equals(page.evaluate("() => typeof axe !== 'undefined'"))) {
			page.addScriptTag(new Page.AddScriptTagOptions().setContent(SCRIPT));
		}
		return (List<String>) page.evaluate(RUN);
	}

	private static String load() {
		Properties pom = new Properties();
		try (InputStream in = resource("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
			pom.load(in);
			String path = "META-INF/resources/webjars/axe-core/" + pom.getProperty("version") + "/axe.min.js";
			try (InputStream script = resource(path)) {
				return new String(script.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static InputStream resource(String path) {
		InputStream in = Axe.class.getClassLoader().getResourceAsStream(path);
		if (in == null) {
			throw new IllegalStateException(path + " is not on the class path: the axe-core WebJar is missing");
		}
		return in;
	}

}
