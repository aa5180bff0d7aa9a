// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";

/// @title MintVoucher
/// @notice EIP-712 vouchers with which a creator authorises the lazy mint and first sale of one artwork.
/// @dev A voucher names no token id: the token id of an artwork is `uint256(provenanceHash)` (see {ArtMint721}),
///      so a voucher can be redeemed at most once because a token id can be minted at most once.
///      A voucher names its buyer, and only the buyer can redeem it: a voucher copied from the mempool cannot be
///      front-run by anyone else.
///      The nonce is a cancellation handle, not a sequence number: a creator withdraws every voucher carrying
///      a nonce with {cancelVoucher}.
abstract contract MintVoucher is EIP712 {
    /// @notice The signed terms of a lazy mint.
    /// @param creator The artwork's creator: signs the voucher, receives the sale proceeds and the royalty.
    /// @param buyer The only account that may redeem the voucher (as `msg.sender`); it receives the token.
    /// @param provenanceHash keccak-256 of the artwork's canonical provenance JSON; also its token id.
    /// @param price The exact price in wei the buyer pays.
    /// @param royaltyBps The ERC-2981 royalty in basis points bound to the token.
    /// @param expiry Unix time (seconds) after which the voucher can no longer be redeemed.
    /// @param nonce Cancellation handle chosen by the creator.
    struct Voucher {
        address creator;
        address buyer;
        bytes32 provenanceHash;
        uint256 price;
        uint16 royaltyBps;
        uint64 expiry;
        uint256 nonce;
    }

    /// @notice EIP-712 type hash of {Voucher}.
    bytes32 public constant VOUCHER_TYPEHASH = keccak256(
        "Voucher(address creator,address buyer,bytes32 provenanceHash,uint256 price,uint16 royaltyBps,uint64 expiry,"
        "uint256 nonce)"
    );

    mapping(address creator => mapping(uint256 nonce => bool)) private _cancelledNonces;

    /// @notice Emitted when a creator cancels the vouchers carrying `nonce`.
    event VoucherCancelled(address indexed creator, uint256 indexed nonce);

    /// @notice The caller is not the buyer the voucher names; only that buyer can redeem it.
    /// @param buyer The voucher's buyer.
    /// @param caller The account that tried to redeem it.
    error NotVoucherBuyer(address buyer, address caller);

    /// @notice The voucher's expiry time has passed.
    error VoucherExpired(uint64 expiry);

    /// @notice The creator cancelled the vouchers carrying this nonce.
    error VoucherCancelledByCreator(address creator, uint256 nonce);

    /// @notice The signature is malformed or was not made by the voucher's creator.
    error InvalidVoucherSignature(address creator);

    constructor(string memory name, string memory version) EIP712(name, version) {}

    /// @notice Cancels every voucher of the caller that carries `nonce`; they can no longer be redeemed.
    /// @dev Emits {VoucherCancelled}.
    /// @param nonce The nonce of the vouchers to cancel.
    function cancelVoucher(uint256 nonce) external {
        _cancelledNonces[msg.sender][nonce] = true;
        emit VoucherCancelled(msg.sender, nonce);
    }

    /// @notice Whether `creator` cancelled the vouchers carrying `nonce`.
    /// @param creator The creator who signed the vouchers.
    /// @param nonce The voucher nonce.
    /// @return True when cancelled.
    function isVoucherCancelled(address creator, uint256 nonce) external view returns (bool) {
        return _cancelledNonces[creator][nonce];
    }

    /// @notice The EIP-712 digest a creator signs for `voucher` (for off-chain signers and verifiers).
    /// @param voucher The voucher terms.
    /// @return The typed-data digest under this contract's domain.
    function voucherDigest(Voucher calldata voucher) public view returns (bytes32) {
        return _hashTypedDataV4(
            keccak256(
                abi.encode(
                    VOUCHER_TYPEHASH,
                    voucher.creator,
                    voucher.buyer,
                    voucher.provenanceHash,
                    voucher.price,
                    voucher.royaltyBps,
                    voucher.expiry,
                    voucher.nonce
                )
            )
        );
    }

    /// @dev Reverts unless the caller is the voucher's buyer and `voucher` is unexpired, not cancelled and signed by
    ///      its creator.
    function _checkVoucher(Voucher calldata voucher, bytes calldata signature) internal view {
        if (msg.sender != voucher.buyer) revert NotVoucherBuyer(voucher.buyer, msg.sender);
        if (block.timestamp > voucher.expiry) revert VoucherExpired(voucher.expiry);
        if (_cancelledNonces[voucher.creator][voucher.nonce]) {
            revert VoucherCancelledByCreator(voucher.creator, voucher.nonce);
        }
        (address signer, ECDSA.RecoverError error,) = ECDSA.tryRecoverCalldata(voucherDigest(voucher), signature);
        if (error != ECDSA.RecoverError.NoError || signer != voucher.creator) {
            revert InvalidVoucherSignature(voucher.creator);
        }
    }
}
