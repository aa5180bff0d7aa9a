package dev.artmint;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of ARCHITECTURE.md, checked on the compiled main code. */
@AnalyzeClasses(packages = "dev.artmint", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

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

    @ArchTest
    static final ArchRule featuresDoNotUseTheLocalStack = noClasses()
            .that().resideOutsideOfPackage("dev.artmint.platform..")
            .should().dependOnClassesThat().resideInAPackage("dev.artmint.platform.localstack..");
}
