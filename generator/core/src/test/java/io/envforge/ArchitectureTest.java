package io.envforge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: front-ends → (api, pipeline entry points) ; pipeline → api → (emit, summary, validate);
 * pipeline → (emit, git, validate, render → model → spec, network). The front-ends' own rule is {@link FrontEndRule}.
 */
class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.envforge");

    @Test
    void coreHasNoFrontEndImports() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.maven..", "picocli..", "io.envforge.maven..", "io.envforge.cli..")
                .check(CORE);
    }

    @Test
    void onlyThePipelineUsesThePipeline() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.envforge.pipeline..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.envforge.pipeline..")
                .check(CORE);
    }

    @Test
    void theApiDoesNotDependOnThePipeline() {
        noClasses()
                .that()
                .resideInAPackage("io.envforge.api..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.envforge.pipeline..")
                .check(CORE);
    }

    @Test
    void renderersNeitherWriteNorCommit() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.envforge.render..",
                        "io.envforge.model..",
                        "io.envforge.spec..",
                        "io.envforge.network..",
                        "io.envforge.validate..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.envforge.emit..", "io.envforge.git..")
                .check(CORE);
    }

    @Test
    void modelDoesNotKnowRenderers() {
        noClasses()
                .that()
                .resideInAnyPackage("io.envforge.model..", "io.envforge.spec..", "io.envforge.network..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.envforge.render..", "io.envforge.validate..")
                .check(CORE);
    }

    @Test
    void onlyTheGitPackageUsesJGit() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.envforge.git..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.eclipse.jgit..")
                .check(CORE);
    }
}
