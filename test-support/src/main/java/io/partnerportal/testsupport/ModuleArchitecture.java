package io.partnerportal.testsupport;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The hexagonal rules every module follows, as ArchUnit rules a module's test applies to its own
 * root package: the domain is plain Java, the domain and the application never reach into
 * adapters, and there are no package cycles.
 */
public final class ModuleArchitecture {

    private ModuleArchitecture() {
    }

    /** The module's production classes, without Micronaut's generated bean definitions. */
    public static JavaClasses importModule(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("$Definition") && !location.contains("$Introspection")
                        && !location.contains("$Intercepted") && !location.contains("$Exec"))
                .importPackages(rootPackage);
    }

    public static ArchRule domainIsPlainJava(String rootPackage) {
        return noClasses().that().resideInAPackage(rootPackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "jakarta..", "java.sql..",
                        "javax.sql..", "org.postgresql..", "com.fasterxml..", "io.swagger..")
                .because("the domain is plain Java: no framework, no SQL, no HTTP");
    }

    public static ArchRule domainDoesNotUseAdaptersOrApplication(String rootPackage) {
        return noClasses().that().resideInAPackage(rootPackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(rootPackage + ".adapter..",
                        rootPackage + ".application..")
                .because("the domain is the centre of the hexagon; adapters depend on it, never the reverse");
    }

    public static ArchRule applicationDoesNotUseAdapters(String rootPackage) {
        return noClasses().that().resideInAPackage(rootPackage + ".application..")
                .should().dependOnClassesThat().resideInAPackage(rootPackage + ".adapter..")
                .because("use cases reach the outside only through ports that adapters implement");
    }

    public static ArchRule apiDoesNotExposeInternals(String rootPackage) {
        return noClasses().that().resideInAPackage(rootPackage + ".api..")
                .should().dependOnClassesThat(new DescribedPredicate<JavaClass>("internal to " + rootPackage) {
                    @Override
                    public boolean test(JavaClass c) {
                        String p = c.getPackageName();
                        return p.startsWith(rootPackage + ".domain") || p.startsWith(rootPackage + ".application")
                                || p.startsWith(rootPackage + ".adapter");
                    }
                })
                .because("the api is what other modules compile against; it must not drag internals along");
    }

    public static ArchRule noPackageCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(**)").should().beFreeOfCycles()
                .because("cycles between packages make a module impossible to understand piece by piece");
    }

    /** Applies every rule to the module. */
    public static void check(String rootPackage) {
        JavaClasses classes = importModule(rootPackage);
        domainIsPlainJava(rootPackage).allowEmptyShould(true).check(classes);
        domainDoesNotUseAdaptersOrApplication(rootPackage).allowEmptyShould(true).check(classes);
        applicationDoesNotUseAdapters(rootPackage).allowEmptyShould(true).check(classes);
        apiDoesNotExposeInternals(rootPackage).allowEmptyShould(true).check(classes);
        noPackageCycles(rootPackage).allowEmptyShould(true).check(classes);
    }
}
