package dev.artmint.market.token;

import dev.artmint.chain.TransactionView;
import dev.artmint.identity.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A creator mints their published artwork as an ERC-721 token. */
@Path("/api/artworks/{id}/mint")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "market")
public class MintResource {

    private final TokenMinting minting;
    private final CurrentUser currentUser;

    MintResource(TokenMinting minting, CurrentUser currentUser) {
        this.minting = minting;
        this.currentUser = currentUser;
    }

    /** Where the token goes: "custodial" (or nothing) for the creator's custodial wallet, else a linked address. */
    public record MintBody(
            @Pattern(
                    regexp = "custodial|0x[0-9a-fA-F]{40}",
                    message = "must be \"custodial\" or a 0x-prefixed 20-byte hex address")
            String to) {}

    /** The token on its way: its id (decimal uint256), the outbox transaction and the receiving address. */
    public record MintView(String tokenId, TransactionView transaction, String to) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Mint a published artwork (creator only) to the custodial wallet or a linked address; 202 with "
                    + "the transaction")
    public Response mint(@PathParam("id") UUID id, @Valid MintBody body) {
        TokenMinting.Minted minted = minting.mint(id, currentUser.signedIn(), body == null ? null : body.to());
        return Response.accepted(new MintView(
                        minted.tokenId().toString(), TransactionView.of(minted.transaction()), minted.to()))
                .build();
    }
}
