package se.dsrdesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The packages by capability stay honest: no cycles between them, and each uses only what
 * the others expose (their top-level package; sub-packages are internal). The build also
 * writes the module diagram into {@code docs/modules}, so it never drifts from the code.
 */
class ModuleStructureTest {

	/**
	 * Where the generated diagram and module canvases go; docs/architecture.md links
	 * them.
	 */
	static final Path DOCS = Path.of("docs", "modules");

	static final ApplicationModules modules = ApplicationModules.of(DsrDeskApplication.class);

	@Test
	void modulesHaveNoCyclesAndUseOnlyEachOthersPublicTypes() {
		modules.verify();
	}

	@Test
	void writesTheModuleDiagramIntoTheDocs() throws IOException {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		try (Stream<Path> files = Files.list(DOCS)) {
			for (Path file : files.toList()) {
				Files.write(file, inStableOrder(Files.readAllLines(file)));
			}
		}
		assertThat(DOCS.resolve("components.puml")).exists();
		modules.forEach((module) -> assertThat(DOCS.resolve("module-" + module.getIdentifier() + ".puml")).exists());
		assertThat(Files.isRegularFile(DOCS.resolve("module-request.adoc"))).isTrue();
	}

	@Test
	void sortsTheLinesWhoseOrderMeansNothing() {
		assertThat(inStableOrder(
				List.of("@startuml", "Rel(b, c)", "Rel(a, b)", "", "|Bean references", "|* `y`", "* `x`", "|Events")))
			.containsExactly("@startuml", "Rel(a, b)", "Rel(b, c)", "", "|Bean references", "|* `x`", "* `y`",
					"|Events");
	}

	/**
	 * The Documenter writes a diagram's relations and a canvas's lists in an order that
	 * changes from run to run; sorted, the committed files change only when the modules
	 * do.
	 * @param lines a generated file's lines
	 * @return the lines, each run of relations, components or list items sorted
	 */
	static List<String> inStableOrder(List<String> lines) {
		List<String> result = new ArrayList<>();
		int i = 0;
		while (i < lines.size()) {
			int end = i;
			while (end < lines.size() && ORDER_FREE.matcher(lines.get(end)).matches()) {
				end++;
			}
			if (end == i) {
				result.add(lines.get(i++));
				continue;
			}
			// A table cell's first item carries the cell's '|': sort without it.
			boolean cell = lines.get(i).startsWith("|");
			List<String> run = new ArrayList<>(lines.subList(i, end));
			run.set(0, cell ? run.get(0).substring(1) : run.get(0));
			Collections.sort(run);
			run.set(0, cell ? "|" + run.get(0) : run.get(0));
			result.addAll(run);
			i = end;
		}
		return result;
	}

	private static final Pattern ORDER_FREE = Pattern.compile("\\s*(Rel|Component)\\(.*|\\|?\\* .*");

	/**
	 * The check itself, on two small fixtures under
	 * {@code src/test/java/fixture/modules}: module {@code billing} uses module
	 * {@code orders} through its published type, or reaches into {@code orders.internal}.
	 */
	@Nested
	class TheCheck {

		/** The fixtures are test classes, which Modulith leaves out by default. */
		static final ImportOption WITH_TEST_CLASSES = (location) -> true;

		@Test
		void acceptsADependencyOnAnotherModulesPublishedType() {
			ApplicationModules fixture = ApplicationModules.of("fixture.modules.allowed", WITH_TEST_CLASSES);
			assertThat(fixture.getModuleByName("billing")).isPresent();
			assertThatNoException().isThrownBy(fixture::verify);
		}

		@Test
		void refusesADependencyOnAnotherModulesInternalPackage() {
			ApplicationModules fixture = ApplicationModules.of("fixture.modules.violating", WITH_TEST_CLASSES);
			assertThatExceptionOfType(Violations.class).isThrownBy(fixture::verify)
				.withMessageContaining("billing")
				.withMessageContaining("orders.internal.OrderNumbers");
		}

	}

}
