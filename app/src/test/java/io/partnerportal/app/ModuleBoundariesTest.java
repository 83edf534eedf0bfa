package io.partnerportal.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.partnerportal.segments.fixture.ReachesIntoAnotherModule;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module map of docs/architecture.md, enforced over every module at once: a module uses
 * another only through its exported packages, and touches only its own schema.
 */
class ModuleBoundariesTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ModuleBoundaries.WITHOUT_GENERATED)
            .importPackages("io.partnerportal");

    @Test
    void modules_use_each_other_only_through_exported_packages() {
        ModuleBoundaries.onlyExportedPackagesAcrossModules().check(PRODUCTION);
    }

    @Test
    void every_module_follows_the_hexagonal_rules() {
        for (String module : ModuleBoundaries.MODULES) {
            ModuleBoundaries.domainIsPlainJava(module).allowEmptyShould(true).check(PRODUCTION);
        }
    }

    @Test
    void the_rule_catches_a_class_reaching_into_another_modules_internals() {
        JavaClasses fixture = new ClassFileImporter().importClasses(ReachesIntoAnotherModule.class);
        ArchRule rule = ModuleBoundaries.onlyExportedPackagesAcrossModules();
        EvaluationResult result = rule.evaluate(fixture);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("io.partnerportal.identity.domain.PasswordHasher");
    }

    @Test
    void each_module_touches_only_its_own_schema() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> violations = new ArrayList<>();
        for (var module : ModuleBoundaries.SOURCE_DIRECTORIES.entrySet()) {
            Path sources = root.resolve(module.getKey()).resolve("src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    violations.addAll(ModuleBoundaries.foreignSchemaReferences(module.getValue(), Files.readString(file))
                            .stream().map(v -> root.relativize(file) + ": " + v).toList());
                }
            }
        }
        assertThat(violations).as("SQL that reaches into another module's schema").isEmpty();
    }

    @Test
    void the_schema_check_catches_sql_on_another_modules_table() {
        String fixture = "class X { String q = \"SELECT * FROM partners.contact c JOIN identity.admin_user a ON true\"; }";
        assertThat(ModuleBoundaries.foreignSchemaReferences("segments", fixture))
                .containsExactlyInAnyOrder("partners.contact", "identity.admin_user");
        assertThat(ModuleBoundaries.foreignSchemaReferences("partners", fixture)).containsExactly("identity.admin_user");
    }
}
