package io.envforge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;

/**
 * The front-ends' narrow API: of the core, a front-end uses the {@code api} package and the pipeline's three entry
 * points only. Shared by the CLI's and the Maven plugin's architecture tests (this is in the core's test-jar).
 */
public final class FrontEndRule {

    /** The pipeline classes a front-end may call. */
    public static final Set<String> ENTRY_POINTS = Set.of("io.envforge.pipeline.Envforge",
            "io.envforge.pipeline.PublishingRun", "io.envforge.pipeline.PublishingRun$Outcome",
            "io.envforge.pipeline.Pools");

    private FrontEndRule() {
    }

    /** Checks the main classes of the front-end in {@code frontEndPackage}. */
    public static void check(String frontEndPackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(frontEndPackage);
        DescribedPredicate<JavaClass> coreOutsideTheApi = new DescribedPredicate<>(
                "core classes outside io.envforge.api and the pipeline's entry points " + ENTRY_POINTS) {
            @Override
            public boolean test(JavaClass c) {
                String name = c.getName();
                return name.startsWith("io.envforge.") && !name.startsWith(frontEndPackage + ".")
                        && !name.startsWith("io.envforge.api.") && !ENTRY_POINTS.contains(name);
            }
        };
        noClasses().should().dependOnClassesThat(coreOutsideTheApi).check(classes);
    }
}
