package dev.artmint;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.ws.rs.Path;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The dependency rules of docs/architecture.md, checked on the compiled main code and the local stack's launcher. */
@AnalyzeClasses(packages = "dev.artmint", importOptions = ArchitectureTest.MainCodeAndLauncher.class)
class ArchitectureTest {

    /** The service's classes and the launcher's, which Maven compiles with the tests; no test class. */
    static final class MainCodeAndLauncher implements ImportOption {
        private static final Pattern LAUNCHER =
                Pattern.compile(".*/dev/artmint/localstack/(?!\\w*Test[$.])[^/]*\\.class");
        private final ImportOption mainCode = new ImportOption.DoNotIncludeTests();

        @Override
        public boolean includes(Location location) {
            return mainCode.includes(location) || location.matches(LAUNCHER);
        }
    }

    private static final String[] FEATURES_BUT_DIFFUSION = {
        "dev.artmint.studio..",
        "dev.artmint.provenance..",
        "dev.artmint.storage..",
        "dev.artmint.market..",
        "dev.artmint.chain..",
        "dev.artmint.identity..",
        "dev.artmint.platform.."
    };

    private static final String[] MARKET_FEATURES = {
        "dev.artmint.market.publish..", "dev.artmint.market.listing..", "dev.artmint.market.sale..",
        "dev.artmint.market.token..", "dev.artmint.market.browse..", "dev.artmint.market.page.."
    };

    private static final String[] FEATURES_BUT_PROVENANCE = {
        "dev.artmint.studio..",
        "dev.artmint.diffusion..",
        "dev.artmint.storage..",
        "dev.artmint.market..",
        "dev.artmint.chain..",
        "dev.artmint.identity..",
        "dev.artmint.platform.."
    };

    @ArchTest
    static final ArchRule diffusionDependsOnNoOtherFeature = noClasses()
            .that()
            .resideInAPackage("dev.artmint.diffusion..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FEATURES_BUT_DIFFUSION)
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule provenanceDependsOnNoOtherFeature = noClasses()
            .that()
            .resideInAPackage("dev.artmint.provenance..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FEATURES_BUT_PROVENANCE)
            .allowEmptyShould(true);

    /** Text analysis is shared by the studio's gallery and the market's search, so it stands on Lucene alone. */
    @ArchTest
    static final ArchRule searchTermsDependOnNoFeature = classes()
            .that()
            .resideInAPackage("dev.artmint.studio.search..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "org.apache.lucene..", "dev.artmint.studio.search..");

    @ArchTest
    static final ArchRule diffusionKnowsNothingOfHttpOrPersistence = noClasses()
            .that()
            .resideInAPackage("dev.artmint.diffusion..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta.ws.rs..", "jakarta.persistence..", "io.quarkus..", "io.minio..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyMarketUsesMarket = noClasses()
            .that()
            .resideOutsideOfPackages("dev.artmint.market..", "dev.artmint.platform")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.artmint.market..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule innerFeaturesDoNotReachIntoTheStudio = noClasses()
            .that()
            .resideInAnyPackage("dev.artmint.identity..", "dev.artmint.storage..", "dev.artmint.chain..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.artmint.studio..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyStorageTalksS3 = noClasses()
            .that()
            .resideOutsideOfPackage("dev.artmint.storage..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.minio..");

    /** JSON-RPC, ABI encoding and the generated contract wrappers are the chain's own: others use its calls. */
    @ArchTest
    static final ArchRule onlyChainTalksJsonRpcAndEncodesContractCalls = noClasses()
            .that()
            .resideOutsideOfPackage("dev.artmint.chain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.web3j.protocol..", "org.web3j.abi..", "org.web3j.tx..", "dev.artmint.chain.contracts..");

    /** The market's features form layers: the shared root, listing, then what builds on listings. */
    @ArchTest
    static final ArchRule marketFeaturesAreFreeOfCycles =
            slices().matching("dev.artmint.market.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule studioFeaturesAreFreeOfCycles =
            slices().matching("dev.artmint.studio.(*)..").should().beFreeOfCycles();

    /** The market's root holds what its features share (config, activity, cursors, caching) and knows none of them. */
    @ArchTest
    static final ArchRule marketRootKnowsNoFeature = noClasses()
            .that()
            .resideInAPackage("dev.artmint.market")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(MARKET_FEATURES);

    @ArchTest
    static final ArchRule studioRootKnowsNoFeature = noClasses()
            .that()
            .resideInAPackage("dev.artmint.studio")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.artmint.studio.job..", "dev.artmint.studio.artwork..", "dev.artmint.studio.credit..");

    /** Browse and the pages read: they depend on no feature that writes listings, sales, publications or tokens. */
    @ArchTest
    static final ArchRule browseAndPagesOnlyRead = noClasses()
            .that()
            .resideInAnyPackage("dev.artmint.market.browse..", "dev.artmint.market.page..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.artmint.market.listing..",
                    "dev.artmint.market.sale..",
                    "dev.artmint.market.publish..",
                    "dev.artmint.market.token..");

    /** Listing rules stand on the root alone; the sale answers what they ask of it through SaleRecords. */
    @ArchTest
    static final ArchRule listingDependsOnNoOtherMarketFeature = noClasses()
            .that()
            .resideInAPackage("dev.artmint.market.listing..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.artmint.market.sale..",
                    "dev.artmint.market.publish..",
                    "dev.artmint.market.token..",
                    "dev.artmint.market.browse..",
                    "dev.artmint.market.page..");

    /** Publishing, selling and minting build on listings, never on each other. */
    @ArchTest
    static final ArchRule publishSaleAndTokenAreIndependent = slices().matching(
                    "dev.artmint.market.(publish|sale|token)..")
            .should()
            .notDependOnEachOther();

    /** Only the features that move ether or tokens send chain transactions (the outbox and the call encoders). */
    @ArchTest
    static final ArchRule onlyWritersSendTransactions = noClasses()
            .that()
            .resideOutsideOfPackages(
                    "dev.artmint.chain..",
                    "dev.artmint.identity.wallet..",
                    "dev.artmint.market.listing..",
                    "dev.artmint.market.sale..",
                    "dev.artmint.market.token..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("dev.artmint.chain.Outbox")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("dev.artmint.chain.TransactionRequest")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("dev.artmint.chain.MarketCalls")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("dev.artmint.chain.TokenCalls");

    /** Credits know no job or artwork; artworks know no job: the job uses both. */
    @ArchTest
    static final ArchRule studioLayers = noClasses()
            .that()
            .resideInAPackage("dev.artmint.studio.credit..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.artmint.studio.job..", "dev.artmint.studio.artwork..");

    @ArchTest
    static final ArchRule artworksKnowNoJob = noClasses()
            .that()
            .resideInAPackage("dev.artmint.studio.artwork..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.artmint.studio.job..");

    /**
     * Refusals are one type, {@code Refusal}, answered by one mapper: features map no exception of their own (the
     * chain's node failures and reverts are the only other mapped kinds). A resource's own mapper, which answers for
     * that resource alone, is not a problem mapper.
     */
    @ArchTest
    static final ArchRule problemsAreMappedInOnePlace = methods()
            .that()
            .areAnnotatedWith(ServerExceptionMapper.class)
            .and()
            .areDeclaredInClassesThat()
            .areNotAnnotatedWith(Path.class)
            .should()
            .beDeclaredInClassesThat()
            .resideInAnyPackage("dev.artmint.platform.problem", "dev.artmint.chain");

    /** The production artefact carries no development stack: nothing in the service reaches the launcher. */
    @ArchTest
    static final ArchRule theServiceDoesNotUseTheLocalStack = noClasses()
            .that()
            .resideOutsideOfPackage("dev.artmint.localstack..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.artmint.localstack..", "io.zonky..");

    /** The launcher runs the service as a child process, so it cannot use the service's classes. */
    @ArchTest
    static final ArchRule theLocalStackKnowsNothingOfTheService = noClasses()
            .that()
            .resideInAPackage("dev.artmint.localstack..")
            .should()
            .dependOnClassesThat(
                    resideInAPackage("dev.artmint..").and(not(resideInAPackage("dev.artmint.localstack.."))));

    /** The launcher's libraries, each on its class path (local-stack.launcher-libraries in pom.xml). */
    @ArchTest
    static final ArchRule theLocalStackUsesOnlyItsLibraries = classes()
            .that()
            .resideInAPackage("dev.artmint.localstack..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "java..",
                    "javax.sql..",
                    "dev.artmint.localstack..",
                    "org.eclipse.microprofile.config..",
                    "io.smallrye.config..",
                    "org.jboss.logging..",
                    "io.zonky..",
                    "org.web3j.crypto..",
                    "org.web3j.utils..");
}
