package org.normgraph.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** DESIGN.md section 2: arrows point down only (app → timeline → core; cli → io → core). */
@AnalyzeClasses(packages = "org.normgraph", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    /** The runnable jar's entry point (and its nested classes) may start the app. */
    private static final DescribedPredicate<JavaClass> LAUNCHER = DescribedPredicate.describe(
            "org.normgraph.Launcher", c -> c.getName().equals("org.normgraph.Launcher")
                    || c.getName().startsWith("org.normgraph.Launcher$"));

    @ArchTest
    static final ArchRule core_and_timeline_do_not_use_javafx = noClasses()
            .that().resideInAnyPackage("org.normgraph.core..", "org.normgraph.timeline..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..");

    @ArchTest
    static final ArchRule core_and_timeline_do_not_use_app_cli_or_io = noClasses()
            .that().resideInAnyPackage("org.normgraph.core..", "org.normgraph.timeline..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("org.normgraph.app..", "org.normgraph.cli..", "org.normgraph.io..");

    @ArchTest
    static final ArchRule core_does_not_use_timeline = noClasses()
            .that().resideInAPackage("org.normgraph.core..")
            .should().dependOnClassesThat().resideInAPackage("org.normgraph.timeline..");

    @ArchTest
    static final ArchRule io_does_not_use_app_cli_timeline_or_javafx = noClasses()
            .that().resideInAPackage("org.normgraph.io..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.normgraph.app..", "org.normgraph.cli..", "org.normgraph.timeline..", "javafx..");

    @ArchTest
    static final ArchRule cli_never_loads_the_app_or_javafx = noClasses()
            .that().resideInAPackage("org.normgraph.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.normgraph.app..", "javafx..");

    @ArchTest
    static final ArchRule only_the_launcher_outside_app_reaches_into_app = noClasses()
            .that().resideOutsideOfPackage("org.normgraph.app..").and(DescribedPredicate.not(LAUNCHER))
            .should().dependOnClassesThat().resideInAPackage("org.normgraph.app..");
}
