package io.partnerportal.segments.domain;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.partnerportal.testsupport.ModuleArchitecture;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The segments domain (conditions included) is plain Java: no framework, SQL or JSON library. */
class ConditionDomainArchitectureTest {

    private final JavaClasses classes = ModuleArchitecture.importModule("io.partnerportal.segments");

    @Test
    void theDomainIsPlainJava() {
        ModuleArchitecture.domainIsPlainJava("io.partnerportal.segments").check(classes);
        ModuleArchitecture.domainDoesNotUseAdaptersOrApplication("io.partnerportal.segments").check(classes);
    }

    @Test
    void conditionsDependOnTheJdkAndRe2jOnly() {
        noClasses().that().resideInAPackage("io.partnerportal.segments.domain.condition..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "com.google.re2j..",
                        "io.partnerportal.segments.domain", "io.partnerportal.segments.domain.condition..")
                .because("the condition engine is evaluated in hot loops and must stay free of frameworks")
                .check(classes);
    }
}
