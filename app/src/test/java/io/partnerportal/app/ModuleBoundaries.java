package io.partnerportal.app;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The rules of docs/architecture.md as ArchUnit rules and a schema scan. */
final class ModuleBoundaries {

    /** Root packages of the bounded contexts (below io.partnerportal). */
    static final List<String> MODULES = List.of("identity", "partners", "segments", "roles", "experiences", "deals",
            "quotes", "profile", "notifications", "audit", "crm", "crm.demo");

    /** Packages a module exports to the others (module-info.java says the same to javac). */
    static final List<String> EXPORTED = List.of("api", "spi");

    /** Module source directory → the schema it owns. */
    static final Map<String, String> SOURCE_DIRECTORIES = new LinkedHashMap<>();
    static final List<String> SCHEMAS = List.of("identity", "partners", "segments", "roles", "experiences", "deals",
            "quotes", "profile", "notifications", "audit", "crm", "crm_demo");

    static {
        SOURCE_DIRECTORIES.put("identity", "identity");
        SOURCE_DIRECTORIES.put("partners", "partners");
        SOURCE_DIRECTORIES.put("segments", "segments");
        SOURCE_DIRECTORIES.put("roles", "roles");
        SOURCE_DIRECTORIES.put("experiences", "experiences");
        SOURCE_DIRECTORIES.put("deals", "deals");
        SOURCE_DIRECTORIES.put("quotes", "quotes");
        SOURCE_DIRECTORIES.put("profile", "profile");
        SOURCE_DIRECTORIES.put("notifications", "notifications");
        SOURCE_DIRECTORIES.put("audit", "audit");
        SOURCE_DIRECTORIES.put("crm-adapter/crm-api", "crm");
        SOURCE_DIRECTORIES.put("crm-adapter/demo", "crm_demo");
    }

    static final ImportOption WITHOUT_GENERATED = location -> !location.contains("$Definition")
            && !location.contains("$Introspection") && !location.contains("$Intercepted") && !location.contains("$Exec");

    private ModuleBoundaries() {
    }

    /** The module a class belongs to ("crm.demo" before "crm"), or null for common, app and test support. */
    static String moduleOf(String packageName) {
        String rest = packageName.startsWith("io.partnerportal.") ? packageName.substring("io.partnerportal.".length())
                : null;
        if (rest == null) {
            return null;
        }
        if (rest.startsWith("crm.demo")) {
            return "crm.demo";
        }
        for (String module : MODULES) {
            if (rest.equals(module) || rest.startsWith(module + ".")) {
                return module;
            }
        }
        return null;
    }

    static boolean isExported(String packageName, String module) {
        String base = "io.partnerportal." + module + ".";
        if (module.equals("crm")) {
            return packageName.startsWith("io.partnerportal.crm.api") || packageName.startsWith("io.partnerportal.crm.spi");
        }
        return EXPORTED.stream().anyMatch(e -> packageName.equals(base + e) || packageName.startsWith(base + e + "."));
    }

    static ArchRule onlyExportedPackagesAcrossModules() {
        return classes().should(new ArchCondition<JavaClass>("use other modules only through their api or spi") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String from = moduleOf(origin.getPackageName());
                if (from == null) {
                    return;
                }
                origin.getDirectDependenciesFromSelf().forEach(dependency -> {
                    JavaClass target = dependency.getTargetClass();
                    String to = moduleOf(target.getPackageName());
                    if (to != null && !to.equals(from) && !isExported(target.getPackageName(), to)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                });
            }
        }).because("a module's internals may change without notice; only its api and spi are promises");
    }

    static ArchRule domainIsPlainJava(String module) {
        return noClasses().that().resideInAPackage("io.partnerportal." + module + ".domain..")
                .should().dependOnClassesThat(new DescribedPredicate<JavaClass>("a framework, SQL or HTTP class") {
                    @Override
                    public boolean test(JavaClass c) {
                        String p = c.getPackageName();
                        return p.startsWith("io.micronaut") || p.startsWith("jakarta.") || p.startsWith("java.sql")
                                || p.startsWith("javax.sql") || p.startsWith("org.postgresql");
                    }
                })
                .because("the domain is plain Java");
    }

    private static final Pattern TABLE = Pattern.compile("(?<![.\\w])([a-z_]+)\\.([a-z_]+)\\b(?!\\.)");

    /** Qualified table names in string literals of a source file that belong to another module's schema. */
    static List<String> foreignSchemaReferences(String ownSchema, String source) {
        List<String> found = new ArrayList<>();
        Matcher literals = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|\"\"\"[\\s\\S]*?\"\"\"").matcher(source);
        while (literals.find()) {
            Matcher table = TABLE.matcher(literals.group());
            while (table.find()) {
                String schema = table.group(1);
                if (SCHEMAS.contains(schema) && !schema.equals(ownSchema)) {
                    found.add(schema + "." + table.group(2));
                }
            }
        }
        return found;
    }
}
