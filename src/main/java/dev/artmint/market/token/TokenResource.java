package dev.artmint.market.token;

import dev.artmint.chain.IdempotencyKey;
import dev.artmint.chain.TransactionView;
import dev.artmint.identity.CurrentUser;
import dev.artmint.market.MarketConfig;
import dev.artmint.platform.problem.ProblemType;
import dev.artmint.platform.problem.Refusal;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigInteger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A minted token: its public ERC-721 metadata (the collection's token URI points here) and transfers by its owner. */
@Path("/api/tokens/{tokenId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "market")
public class TokenResource {

    private static final String TOKEN_ID = "[0-9]{1,78}";
    private static final String TOKEN_ID_MESSAGE = "must be a token id, a decimal uint256";

    private final MintedTokens tokens;
    private final TokenTransfers transfers;
    private final CurrentUser currentUser;
    private final MarketConfig config;

    TokenResource(MintedTokens tokens, TokenTransfers transfers, CurrentUser currentUser, MarketConfig config) {
        this.tokens = tokens;
        this.transfers = transfers;
        this.currentUser = currentUser;
        this.config = config;
    }

    @GET
    @Operation(
            summary = "The token's ERC-721 metadata JSON (name, description, image, external_url, attributes); public")
    public Response metadata(
            @PathParam("tokenId") @Pattern(regexp = TOKEN_ID, message = TOKEN_ID_MESSAGE) String tokenId) {
        byte[] document = tokens.metadata(uint256(tokenId))
                .orElseThrow(() -> Refusal.of(ProblemType.NOT_FOUND, "there is no token " + tokenId));
        // public: wallets and marketplaces fetch it anonymously; briefly, because a hidden artwork's token disappears
        return Response.ok(document, MediaType.APPLICATION_JSON)
                .header(
                        HttpHeaders.CACHE_CONTROL,
                        "public, max-age=" + config.tokenMetadataMaxAge().toSeconds())
                .build();
    }

    /** Where to send the token. */
    public record TransferBody(
            @NotNull @Pattern(regexp = "0x[0-9a-fA-F]{40}", message = "must be a 0x-prefixed 20-byte hex address")
            String to) {}

    @POST
    @Path("transfer")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Send a token from the owner's custodial wallet to an address (optional Idempotency-Key header); "
                    + "202 with the transaction")
    public Response transfer(
            @PathParam("tokenId") @Pattern(regexp = TOKEN_ID, message = TOKEN_ID_MESSAGE) String tokenId,
            @Valid @NotNull TransferBody body,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        String key = IdempotencyKey.of(idempotencyKey);
        var tx = transfers.transfer(currentUser.id(), uint256(tokenId), body.to(), key);
        return Response.accepted(TransactionView.of(tx)).build();
    }

    private static BigInteger uint256(String tokenId) {
        BigInteger id = new BigInteger(tokenId);
        if (id.bitLength() > 256) {
            throw Refusal.invalid("tokenId", TOKEN_ID_MESSAGE);
        }
        return id;
    }
}
