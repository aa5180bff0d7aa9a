package dev.artmint;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.regex.Pattern;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of ARCHITECTURE.md, checked on the compiled main code and the local stack's launcher. */
@AnalyzeClasses(packages = "dev.artmint", importOptions = ArchitectureTest.MainCodeAndLauncher.class)
class ArchitectureTest {

    /** The service's classes and the launcher's, which Maven compiles with the tests; no test class. */
    static final class MainCodeAndLauncher implements ImportOption {
        private static final Pattern LAUNCHER = Pattern.compile(".*/dev/artmint/localstack/(?!\\w*Test[$.])[^/]*\\.class");
        private final ImportOption mainCode = new ImportOption.DoNotIncludeTests();

        @Override
        public boolean includes(Location location) {
            return mainCode.includes(location) || location.matches(LAUNCHER);
        }
    }

    private static final String[] FEATURES_BUT_DIFFUSION = {
        "dev.artmint.studio..", "dev.artmint.provenance..", "dev.artmint.storage..", "dev.artmint.market..",
        "dev.artmint.chain..", "dev.artmint.identity..", "dev.artmint.platform.."};

    private static final String[] FEATURES_BUT_PROVENANCE = {
        "dev.artmint.studio..", "dev.artmint.diffusion..", "dev.artmint.storage..", "dev.artmint.market..",
        "dev.artmint.chain..", "dev.artmint.identity..", "dev.artmint.platform.."};

    @ArchTest
    static final ArchRule diffusionDependsOnNoOtherFeature = noClasses()
            .that().resideInAPackage("dev.artmint.diffusion..")
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES_BUT_DIFFUSION)
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule provenanceDependsOnNoOtherFeature = noClasses()
            .that().resideInAPackage("dev.artmint.provenance..")
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES_BUT_PROVENANCE)
            .allowEmptyShould(true);

    /** Text analysis is shared by the studio's gallery and the market's search, so it stands on Lucene alone. */
    @ArchTest
    static final ArchRule searchTermsDependOnNoFeature = classes()
            .that().resideInAPackage("dev.artmint.studio.search..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.apache.lucene..", "dev.artmint.studio.search..");

    @ArchTest
    static final ArchRule diffusionKnowsNothingOfHttpOrPersistence = noClasses()
            .that().resideInAPackage("dev.artmint.diffusion..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "jakarta.persistence..", "io.quarkus..", "io.minio..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyMarketUsesMarket = noClasses()
            .that().resideOutsideOfPackages("dev.artmint.market..", "dev.artmint.platform")
            .should().dependOnClassesThat().resideInAPackage("dev.artmint.market..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule innerFeaturesDoNotReachIntoTheStudio = noClasses()
            .that().resideInAnyPackage("dev.artmint.identity..", "dev.artmint.storage..", "dev.artmint.chain..")
            .should().dependOnClassesThat().resideInAPackage("dev.artmint.studio..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyStorageTalksS3 = noClasses()
            .that().resideOutsideOfPackage("dev.artmint.storage..")
            .should().dependOnClassesThat().resideInAPackage("io.minio..");

    @ArchTest
    static final ArchRule onlyChainTalksJsonRpc = noClasses()
            .that().resideOutsideOfPackages("dev.artmint.chain..", "dev.artmint.identity..")
            .should().dependOnClassesThat().resideInAPackage("org.web3j.protocol..");

    /** The production artefact carries no development stack: nothing in the service reaches the launcher. */
    @ArchTest
    static final ArchRule theServiceDoesNotUseTheLocalStack = noClasses()
            .that().resideOutsideOfPackage("dev.artmint.localstack..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.artmint.localstack..", "io.zonky..");

    /** The launcher runs the service as a child process, so it cannot use the service's classes. */
    @ArchTest
    static final ArchRule theLocalStackKnowsNothingOfTheService = noClasses()
            .that().resideInAPackage("dev.artmint.localstack..")
            .should().dependOnClassesThat(resideInAPackage("dev.artmint..").and(not(resideInAPackage("dev.artmint.localstack.."))));

    /** The launcher's libraries, each on its class path (local-stack.launcher-libraries in pom.xml). */
    @ArchTest
    static final ArchRule theLocalStackUsesOnlyItsLibraries = classes()
            .that().resideInAPackage("dev.artmint.localstack..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.sql..", "dev.artmint.localstack..",
                    "org.eclipse.microprofile.config..", "io.smallrye.config..", "org.jboss.logging..", "io.zonky..",
                    "org.web3j.crypto..", "org.web3j.utils..");
}
