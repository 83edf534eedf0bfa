package io.partnerportal.crm;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.partnerportal.testsupport.ModuleArchitecture;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    @Test
    void the_sync_follows_the_hexagonal_rules() {
        ModuleArchitecture.check("io.partnerportal.crm.sync");
    }

    @Test
    void the_api_and_spi_expose_no_internals() {
        JavaClasses classes = ModuleArchitecture.importModule("io.partnerportal.crm");
        noClasses().that().resideInAnyPackage("io.partnerportal.crm.api..", "io.partnerportal.crm.spi..")
                .should().dependOnClassesThat().resideInAPackage("io.partnerportal.crm.sync..")
                .because("connectors and other modules compile against the api and spi only")
                .check(classes);
        ModuleArchitecture.noPackageCycles("io.partnerportal.crm").check(classes);
    }
}
