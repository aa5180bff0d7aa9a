package dev.artmint.chain;

import dev.artmint.chain.contracts.ArtMint721;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint16;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * EIP-712 vouchers for ArtMint721's lazy mint: the digest a creator signs (domain "ArtMint", version "1", this chain,
 * the collection), the {@code redeem} call by which the voucher's buyer mints and pays the creator and the platform,
 * and the creator's {@code cancelVoucher} call that voids every voucher with a nonce.
 */
@ApplicationScoped
public class Vouchers {

    private static final byte[] DOMAIN_TYPEHASH =
            keccak("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    private static final byte[] VOUCHER_TYPEHASH =
            keccak("Voucher(address creator,address buyer,bytes32 provenanceHash,uint256 price,uint16 royaltyBps,"
                    + "uint64 expiry,uint256 nonce)");
    private static final byte[] NAME_HASH = keccak("ArtMint");
    private static final byte[] VERSION_HASH = keccak("1");

    private final ChainNode node;
    private final Contracts contracts;

    Vouchers(ChainNode node, Contracts contracts) {
        this.node = node;
        this.contracts = contracts;
    }

    /** keccak256(0x1901 || domainSeparator || hashStruct(voucher)): the 32 bytes the creator signs. */
    public byte[] digest(MintVoucher voucher) {
        byte[] domainSeparator = Hash.sha3(encode(
                new Bytes32(DOMAIN_TYPEHASH),
                new Bytes32(NAME_HASH),
                new Bytes32(VERSION_HASH),
                new Uint256(node.chainId()),
                new Address(contracts.collection())));
        byte[] structHash = Hash.sha3(encode(
                new Bytes32(VOUCHER_TYPEHASH),
                new Address(voucher.creator()),
                new Address(voucher.buyer()),
                new Bytes32(Numeric.hexStringToByteArray(voucher.provenanceHash())),
                new Uint256(voucher.price()),
                new Uint16(voucher.royaltyBps()),
                new Uint64(voucher.expiry()),
                new Uint256(voucher.nonce())));
        byte[] message = new byte[66];
        message[0] = 0x19;
        message[1] = 0x01;
        System.arraycopy(domainSeparator, 0, message, 2, 32);
        System.arraycopy(structHash, 0, message, 34, 32);
        return Hash.sha3(message);
    }

    /** The {@code redeem(voucher, signature)} call; the voucher's buyer sends it with value = the voucher's price. */
    public ContractCall redeem(MintVoucher voucher, byte[] signature) {
        String collection = contracts.collection();
        return new ContractCall(
                collection,
                node.collection(collection)
                        .redeem(wrapper(voucher), signature, voucher.price())
                        .encodeFunctionCall());
    }

    /** The {@code cancelVoucher(nonce)} call; the creator sends it, and their vouchers with this nonce stop working. */
    public ContractCall cancel(BigInteger nonce) {
        String collection = contracts.collection();
        return new ContractCall(
                collection, node.collection(collection).cancelVoucher(nonce).encodeFunctionCall());
    }

    private static ArtMint721.Voucher wrapper(MintVoucher voucher) {
        return new ArtMint721.Voucher(
                voucher.creator(),
                voucher.buyer(),
                Numeric.hexStringToByteArray(voucher.provenanceHash()),
                voucher.price(),
                BigInteger.valueOf(voucher.royaltyBps()),
                BigInteger.valueOf(voucher.expiry()),
                voucher.nonce());
    }

    /** abi.encode of static values: one 32-byte word each. */
    private static byte[] encode(Type<?>... values) {
        StringBuilder hex = new StringBuilder();
        for (Type<?> value : values) {
            hex.append(TypeEncoder.encode(value));
        }
        return Numeric.hexStringToByteArray(hex.toString());
    }

    private static byte[] keccak(String text) {
        return Hash.sha3(text.getBytes(StandardCharsets.UTF_8));
    }
}
