package dev.artmint.identity.wallet;

import dev.artmint.chain.IdempotencyKey;
import dev.artmint.chain.TransactionView;
import dev.artmint.identity.CurrentUser;
import dev.artmint.platform.problem.Refusal;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigInteger;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's wallets: the custodial one, linking external addresses by SIWE, withdrawals, the local faucet. */
@Path("/api/me/wallet")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "wallet")
public class WalletResource {

    private static final int RECENT_TRANSACTIONS = 20;

    private final CurrentUser currentUser;
    private final Wallets wallets;
    private final SiweLinks links;
    private final Faucet faucet;

    WalletResource(CurrentUser currentUser, Wallets wallets, SiweLinks links, Faucet faucet) {
        this.currentUser = currentUser;
        this.wallets = wallets;
        this.links = links;
        this.faucet = faucet;
    }

    @GET
    @Operation(
            summary =
                    "The caller's custodial wallet (created on first use): address, balance, tokens, linked addresses")
    public WalletView wallet() {
        return wallets.view(currentUser.id());
    }

    @GET
    @Path("/transactions")
    @Operation(
            summary = "The custodial wallet's most recent transactions, sent or received through the platform, newest "
                    + "first")
    public List<TransactionView> transactions() {
        return wallets.recentTransactions(currentUser.id(), RECENT_TRANSACTIONS).stream()
                .map(TransactionView::of)
                .toList();
    }

    @POST
    @Path("/siwe-nonce")
    @Operation(summary = "Issue a nonce for an EIP-4361 message that links an external address")
    public SiweChallenge nonce() {
        return links.issueNonce(currentUser.id());
    }

    /** A signed EIP-4361 message. */
    public record LinkRequest(
            @NotBlank String message, @NotBlank String signature) {}

    /** The address a SIWE signature linked. */
    public record LinkedView(String address) {}

    @POST
    @Path("/links")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Link an external address with a signed EIP-4361 message")
    public LinkedView link(@Valid @NotNull LinkRequest request) {
        return new LinkedView(links.link(currentUser.id(), request.message(), request.signature()));
    }

    /** A token of the custodial wallet to send to a linked address. */
    public record WithdrawalRequest(
            @NotNull @Pattern(regexp = "[0-9]{1,78}") String tokenId,
            @NotNull @Pattern(regexp = "0x[0-9a-fA-F]{40}") String to) {}

    @POST
    @Path("/withdrawals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a token from the custodial wallet to a linked address; 202 with the outbox transaction")
    public Response withdraw(
            @Valid @NotNull WithdrawalRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        String key = IdempotencyKey.of(idempotencyKey);
        BigInteger tokenId = new BigInteger(request.tokenId());
        if (tokenId.bitLength() > 256) {
            throw Refusal.invalid("tokenId", "must be a uint256, below 2^256");
        }
        var tx = wallets.withdraw(currentUser.id(), tokenId, request.to(), key);
        return Response.accepted(TransactionView.of(tx)).build();
    }

    @POST
    @Path("/faucet")
    @Operation(
            summary =
                    "Local chain only: fund the custodial wallet from a development account; 202 with the transaction")
    public Response fund() {
        return Response.accepted(TransactionView.of(faucet.fund(currentUser.id())))
                .build();
    }
}
