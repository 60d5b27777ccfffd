package se.dsrdesk;

import java.nio.file.Files;
import java.nio.file.Path;

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
	void writesTheModuleDiagramIntoTheDocs() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		assertThat(DOCS.resolve("components.puml")).exists();
		modules.forEach((module) -> assertThat(DOCS.resolve("module-" + module.getIdentifier() + ".puml")).exists());
		assertThat(Files.isRegularFile(DOCS.resolve("module-request.adoc"))).isTrue();
	}

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
