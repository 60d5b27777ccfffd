package se.dsrdesk;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * The packages by capability stay honest: no cycles between them, and each uses only what
 * the others expose.
 */
class ModuleStructureTest {

	@Test
	void modulesHaveNoCyclesAndUseOnlyEachOthersPublicTypes() {
		ApplicationModules.of(DsrDeskApplication.class).verify();
	}

}
