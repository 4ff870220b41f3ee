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

    /**
     * The pipeline classes a front-end may call, with their nested types: generate and remove, publish, pools, and
     * the commands of the fleet and delivery work (verify, combine shards, build images, the image driver jar those
     * builds need).
     */
    public static final Set<String> ENTRY_POINTS = Set.of(
            "io.envforge.pipeline.Envforge",
            "io.envforge.pipeline.PublishingRun",
            "io.envforge.pipeline.Pools",
            "io.envforge.pipeline.Verify",
            "io.envforge.pipeline.Combine",
            "io.envforge.pipeline.Images",
            "io.envforge.pipeline.ImagePin",
            "io.envforge.image.DriverJar");

    /**
     * Packages a front-end may use as a whole: the deploy pipeline ({@code envforge pipeline ...}, and the Terraform
     * state probe that {@code remove} asks), a service of its own with its settings, tool runner and reports.
     */
    public static final Set<String> ENTRY_PACKAGES = Set.of("io.envforge.pipeline.deploy.");

    private FrontEndRule() {}

    /** Checks the main classes of the front-end in {@code frontEndPackage}. */
    public static void check(String frontEndPackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(frontEndPackage);
        DescribedPredicate<JavaClass> coreOutsideTheApi =
                new DescribedPredicate<>("core classes outside io.envforge.api and the pipeline's entry points "
                        + ENTRY_POINTS + " " + ENTRY_PACKAGES) {
                    @Override
                    public boolean test(JavaClass c) {
                        String name = c.getName();
                        String outer = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
                        return name.startsWith("io.envforge.")
                                && !name.startsWith(frontEndPackage + ".")
                                && !name.startsWith("io.envforge.api.")
                                && !ENTRY_POINTS.contains(outer)
                                && ENTRY_PACKAGES.stream()
                                        .noneMatch(p -> name.startsWith(p) && name.indexOf('.', p.length()) < 0);
                    }
                };
        noClasses().should().dependOnClassesThat(coreOutsideTheApi).check(classes);
    }
}
