package io.partnerportal.crm.demo;

import io.partnerportal.testsupport.ModuleArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void follows_the_hexagonal_rules() {
        ModuleArchitecture.check("io.partnerportal.crm.demo");
    }
}
