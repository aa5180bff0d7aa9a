package dev.artmint.platform;

import dev.artmint.diffusion.cli.GenerateCommand;
import dev.artmint.identity.wallet.RotateMasterKeyCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Arrays;

/**
 * Starts the ArtMint service ({@code generate ...} renders images from the command line instead,
 * {@code rotate-master-key ...} re-encrypts the custodial wallets under a new master key). The service starts no part
 * of its own: the local stack's launcher ({@code ./artmint start}) or the deployment provides them.
 */
@QuarkusMain
public final class ArtMintMain {

    private ArtMintMain() {}

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("generate")) {
            System.exit(GenerateCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("rotate-master-key")) {
            System.exit(RotateMasterKeyCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        Quarkus.run(args);
    }
}
