// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC165} from "@openzeppelin/contracts/interfaces/IERC165.sol";
import {IERC4906} from "@openzeppelin/contracts/interfaces/IERC4906.sol";
import {ERC2981} from "@openzeppelin/contracts/token/common/ERC2981.sol";
import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {MintVoucher} from "./MintVoucher.sol";
import {PlatformFee} from "./PlatformFee.sol";

/// @title ArtMint721
/// @notice ArtMint artwork tokens: ERC-721 with ERC-2981 creator royalties, EIP-4906 metadata-update events,
///         an on-chain provenance hash per token, minting by the platform's minter and lazy minting by
///         creator-signed EIP-712 vouchers.
/// @dev Token id = uint256(provenanceHash), where provenanceHash is the keccak-256 of the artwork's canonical
///      provenance JSON. The platform derives token ids from the artwork this way, so the provenance hash is
///      bound to the token by construction and needs no storage of its own, and one artwork can be minted once.
///      Per token, storage holds the owner (ERC-721) and one packed slot with the creator as royalty receiver and
///      the royalty rate (ERC-2981); the token URI is the base URI followed by the decimal token id.
contract ArtMint721 is ERC721, ERC2981, IERC4906, AccessControl, PlatformFee, MintVoucher, ReentrancyGuardTransient {
    /// @notice Role allowed to mint with {mint} and to grant {CREATOR_ROLE}.
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");

    /// @notice Role a voucher's creator must hold for {redeem} to accept the voucher.
    bytes32 public constant CREATOR_ROLE = keccak256("CREATOR_ROLE");

    /// @notice Highest royalty a token can carry: 1,000 bps = 10 %.
    uint16 public constant MAX_ROYALTY_BPS = 1_000;

    bytes4 private constant _ERC4906_INTERFACE_ID = 0x49064906;

    string private _baseTokenURI;

    /// @notice Emitted when the admin sets the base URI (also at deployment), next to {BatchMetadataUpdate}.
    event BaseURIUpdated(string baseURI);

    /// @notice Emitted when a voucher is redeemed, next to the mint's {Transfer} event.
    /// @param tokenId The minted token.
    /// @param creator The voucher's creator, paid `price - platformFee`.
    /// @param buyer The redeemer, who received the token.
    /// @param price The price paid in wei.
    /// @param platformFee The part of the price paid to the platform fee recipient.
    event VoucherRedeemed(
        uint256 indexed tokenId, address indexed creator, address indexed buyer, uint256 price, uint256 platformFee
    );

    /// @notice A token with this id (that is, with this provenance hash) already exists.
    error TokenAlreadyMinted(uint256 tokenId);

    /// @notice The provenance hash is zero.
    error InvalidProvenanceHash();

    /// @notice The royalty is above {MAX_ROYALTY_BPS}.
    error RoyaltyTooHigh(uint16 royaltyBps, uint16 maxBps);

    /// @notice The voucher's creator does not hold {CREATOR_ROLE}.
    error UnauthorizedCreator(address creator);

    /// @notice The value sent is not the voucher's price.
    error IncorrectPayment(uint256 expected, uint256 sent);

    /// @param admin Holder of DEFAULT_ADMIN_ROLE: base URI, platform fee, role management.
    /// @param minter Holder of {MINTER_ROLE}.
    /// @param baseURI Prefix of every token URI.
    /// @param feeRecipient Receiver of the platform fee on voucher sales.
    /// @param feeBps Platform fee on voucher sales in basis points.
    constructor(address admin, address minter, string memory baseURI, address feeRecipient, uint16 feeBps)
        ERC721("ArtMint", "ARTM")
        PlatformFee(feeRecipient, feeBps)
        MintVoucher("ArtMint", "1")
    {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(MINTER_ROLE, minter);
        _setRoleAdmin(CREATOR_ROLE, MINTER_ROLE);
        _baseTokenURI = baseURI;
        emit BaseURIUpdated(baseURI);
    }

    /// @notice Mints the token of an artwork to `to`, binding its provenance hash, creator and royalty.
    /// @dev Only {MINTER_ROLE}. Uses `_mint`, not `_safeMint`: the platform mints to wallets it manages, and the
    ///      receiver check would cost a cold account access on every mint. Emits {Transfer}.
    /// @param to The first owner.
    /// @param provenance keccak-256 of the artwork's canonical provenance JSON, non-zero.
    /// @param creator The creator, receiver of the ERC-2981 royalty, non-zero.
    /// @param royaltyBps The royalty in basis points, at most {MAX_ROYALTY_BPS}.
    /// @return tokenId The minted token id, `uint256(provenance)`.
    function mint(address to, bytes32 provenance, address creator, uint16 royaltyBps)
        external
        onlyRole(MINTER_ROLE)
        returns (uint256 tokenId)
    {
        tokenId = _bindArtwork(provenance, creator, royaltyBps);
        _mint(to, tokenId);
    }

    /// @notice Buys an unminted artwork with its creator's voucher: mints the token to the caller, who must be the
    ///         voucher's buyer, and pays the platform fee to the fee recipient and the rest of the price to the
    ///         creator, in this transaction.
    /// @dev The exact price is required; overpayment reverts like underpayment. Any caller but `voucher.buyer`
    ///      reverts with {NotVoucherBuyer}, so a voucher seen in the mempool cannot be front-run. A voucher cannot be
    ///      replayed because its token id can be minted only once. Emits {Transfer} and {VoucherRedeemed}.
    /// @param voucher The voucher terms signed by `voucher.creator`, who must hold {CREATOR_ROLE}.
    /// @param signature The creator's 65-byte EIP-712 signature of `voucher`.
    /// @return tokenId The minted token id, `uint256(voucher.provenanceHash)`.
    function redeem(Voucher calldata voucher, bytes calldata signature)
        external
        payable
        nonReentrant
        returns (uint256 tokenId)
    {
        if (msg.value != voucher.price) revert IncorrectPayment(voucher.price, msg.value);
        if (!hasRole(CREATOR_ROLE, voucher.creator)) revert UnauthorizedCreator(voucher.creator);
        _checkVoucher(voucher, signature);

        tokenId = _bindArtwork(voucher.provenanceHash, voucher.creator, voucher.royaltyBps);
        (address feeRecipient, uint256 fee) = _platformFeeOn(msg.value);
        emit VoucherRedeemed(tokenId, voucher.creator, msg.sender, msg.value, fee);

        _safeMint(msg.sender, tokenId);
        _pay(feeRecipient, fee);
        _pay(voucher.creator, msg.value - fee);
    }

    /// @notice Sets the prefix of every token URI and signals that all token metadata changed.
    /// @dev Only DEFAULT_ADMIN_ROLE. Emits {BaseURIUpdated} and {BatchMetadataUpdate} over the whole id range.
    /// @param baseURI The new prefix; the token URI is this prefix followed by the decimal token id.
    function setBaseURI(string calldata baseURI) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _baseTokenURI = baseURI;
        emit BaseURIUpdated(baseURI);
        emit BatchMetadataUpdate(0, type(uint256).max);
    }

    /// @notice The provenance hash bound to an existing token.
    /// @dev Equal to `bytes32(tokenId)` by construction; reverts for a token that does not exist.
    /// @param tokenId The token.
    /// @return keccak-256 of the artwork's canonical provenance JSON.
    function provenanceHash(uint256 tokenId) external view returns (bytes32) {
        _requireOwned(tokenId);
        return bytes32(tokenId);
    }

    /// @notice ERC-165: ERC-721, ERC-721 Metadata, ERC-2981, EIP-4906, AccessControl and ERC-165 itself.
    /// @param interfaceId The interface identifier.
    /// @return True when supported.
    function supportsInterface(bytes4 interfaceId)
        public
        view
        override(ERC721, ERC2981, AccessControl, IERC165)
        returns (bool)
    {
        return interfaceId == _ERC4906_INTERFACE_ID || super.supportsInterface(interfaceId);
    }

    /// @dev Checks a new artwork's terms and stores its creator and royalty; returns its token id.
    function _bindArtwork(bytes32 provenance, address creator, uint16 royaltyBps) private returns (uint256 tokenId) {
        if (provenance == bytes32(0)) revert InvalidProvenanceHash();
        if (royaltyBps > MAX_ROYALTY_BPS) revert RoyaltyTooHigh(royaltyBps, MAX_ROYALTY_BPS);
        tokenId = uint256(provenance);
        if (_ownerOf(tokenId) != address(0)) revert TokenAlreadyMinted(tokenId);
        _setTokenRoyalty(tokenId, creator, royaltyBps);
    }

    function _baseURI() internal view override returns (string memory) {
        return _baseTokenURI;
    }
}
