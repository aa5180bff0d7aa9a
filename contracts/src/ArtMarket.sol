// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC2981} from "@openzeppelin/contracts/interfaces/IERC2981.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {PlatformFee} from "./PlatformFee.sol";

/// @title ArtMarket
/// @notice Fixed-price secondary market for the tokens of one ERC-721 + ERC-2981 collection (ArtMint721).
///         Listings work by approval, without escrow: the token stays with its owner until it is bought.
///         A purchase pays the seller, the ERC-2981 royalty receiver and the platform fee recipient and
///         transfers the token, all in the buyer's transaction.
/// @dev One listing per token, packed in one slot (seller, price). The exact price is required: any other
///      `msg.value` reverts, so there is never an overpayment to refund. A listing whose seller no longer owns
///      the token or no longer approves the market is stale and cannot be bought.
contract ArtMarket is PlatformFee, ReentrancyGuardTransient {
    /// @notice A token's listing. `seller == address(0)` means not listed.
    struct Listing {
        address seller;
        uint96 price;
    }

    /// @notice The collection whose tokens this market sells.
    IERC721 public immutable collection;

    mapping(uint256 tokenId => Listing) private _listings;

    /// @notice Emitted when `seller` lists `tokenId` at `price` wei, replacing any earlier listing of it.
    event Listed(uint256 indexed tokenId, address indexed seller, uint256 price);

    /// @notice Emitted when the seller changes the price of a listing.
    event PriceUpdated(uint256 indexed tokenId, address indexed seller, uint256 price);

    /// @notice Emitted when the seller cancels a listing.
    event ListingCancelled(uint256 indexed tokenId, address indexed seller);

    /// @notice Emitted when a listed token is bought.
    /// @param tokenId The token sold.
    /// @param seller The former owner, paid `price - royalty - platformFee`.
    /// @param buyer The new owner.
    /// @param price The price paid in wei.
    /// @param royaltyReceiver The ERC-2981 royalty receiver.
    /// @param royalty The part of the price paid to `royaltyReceiver`.
    /// @param platformFee The part of the price paid to the platform fee recipient.
    event Sold(
        uint256 indexed tokenId,
        address indexed seller,
        address indexed buyer,
        uint256 price,
        address royaltyReceiver,
        uint256 royalty,
        uint256 platformFee
    );

    /// @notice The caller does not own the token.
    error NotTokenOwner(uint256 tokenId, address account);

    /// @notice The owner has not approved the market to transfer the token.
    error MarketNotApproved(uint256 tokenId);

    /// @notice A listing price must be positive.
    error ZeroPrice();

    /// @notice The token has no listing (never listed, cancelled or already sold).
    error NotListed(uint256 tokenId);

    /// @notice The caller is not the seller of the listing.
    error NotSeller(uint256 tokenId, address account);

    /// @notice The buyer is the seller.
    error CannotBuyOwnListing(uint256 tokenId);

    /// @notice Since listing, the seller transferred the token or revoked the market's approval.
    error StaleListing(uint256 tokenId);

    /// @notice The value sent is not the listing price.
    error IncorrectPayment(uint256 expected, uint256 sent);

    /// @param collection_ The ERC-721 + ERC-2981 collection traded here.
    /// @param admin Holder of DEFAULT_ADMIN_ROLE: platform fee and role management.
    /// @param feeRecipient Receiver of the platform fee.
    /// @param feeBps Platform fee in basis points.
    constructor(IERC721 collection_, address admin, address feeRecipient, uint16 feeBps)
        PlatformFee(feeRecipient, feeBps)
    {
        collection = collection_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    /// @notice The listing of a token; `seller` is the zero address when it is not listed.
    /// @param tokenId The token.
    /// @return The listing.
    function listing(uint256 tokenId) external view returns (Listing memory) {
        return _listings[tokenId];
    }

    /// @notice Lists a token the caller owns at a fixed price. The market must be approved for the token
    ///         (`approve` or `setApprovalForAll`); the token stays with the caller until sold.
    /// @dev Replaces any earlier listing of the token, such as a stale one by a previous owner. Emits {Listed}.
    /// @param tokenId The token to sell.
    /// @param price The price in wei, positive.
    function list(uint256 tokenId, uint96 price) external nonReentrant {
        if (price == 0) revert ZeroPrice();
        if (collection.ownerOf(tokenId) != msg.sender) revert NotTokenOwner(tokenId, msg.sender);
        if (!_isMarketApproved(msg.sender, tokenId)) revert MarketNotApproved(tokenId);
        _listings[tokenId] = Listing(msg.sender, price);
        emit Listed(tokenId, msg.sender, price);
    }

    /// @notice Changes the price of the caller's listing.
    /// @dev Emits {PriceUpdated}.
    /// @param tokenId The listed token.
    /// @param price The new price in wei, positive.
    function updatePrice(uint256 tokenId, uint96 price) external nonReentrant {
        if (price == 0) revert ZeroPrice();
        _requireSeller(tokenId);
        _listings[tokenId].price = price;
        emit PriceUpdated(tokenId, msg.sender, price);
    }

    /// @notice Cancels the caller's listing.
    /// @dev Emits {ListingCancelled}.
    /// @param tokenId The listed token.
    function cancel(uint256 tokenId) external nonReentrant {
        _requireSeller(tokenId);
        delete _listings[tokenId];
        emit ListingCancelled(tokenId, msg.sender);
    }

    /// @notice Buys a listed token at its exact price: pays the royalty receiver, the platform fee recipient and
    ///         the seller (the rest) and transfers the token to the caller, in this transaction.
    /// @dev Checks, then effects (listing removed, {Sold} emitted), then interactions (transfer, payments), all
    ///      under a reentrancy guard. The token goes out with `safeTransferFrom`, so a contract buyer must accept it.
    /// @param tokenId The listed token.
    function buy(uint256 tokenId) external payable nonReentrant {
        Listing memory offer = _listings[tokenId];
        if (offer.seller == address(0)) revert NotListed(tokenId);
        if (offer.seller == msg.sender) revert CannotBuyOwnListing(tokenId);
        if (msg.value != offer.price) revert IncorrectPayment(offer.price, msg.value);
        if (collection.ownerOf(tokenId) != offer.seller || !_isMarketApproved(offer.seller, tokenId)) {
            revert StaleListing(tokenId);
        }

        (address royaltyReceiver, uint256 royalty) = IERC2981(address(collection)).royaltyInfo(tokenId, msg.value);
        (address feeRecipient, uint256 fee) = _platformFeeOn(msg.value);
        uint256 proceeds = msg.value - royalty - fee;

        delete _listings[tokenId];
        emit Sold(tokenId, offer.seller, msg.sender, msg.value, royaltyReceiver, royalty, fee);

        collection.safeTransferFrom(offer.seller, msg.sender, tokenId);
        _pay(royaltyReceiver, royalty);
        _pay(feeRecipient, fee);
        _pay(offer.seller, proceeds);
    }

    function _requireSeller(uint256 tokenId) private view {
        address seller = _listings[tokenId].seller;
        if (seller == address(0)) revert NotListed(tokenId);
        if (seller != msg.sender) revert NotSeller(tokenId, msg.sender);
    }

    function _isMarketApproved(address owner, uint256 tokenId) private view returns (bool) {
        return collection.isApprovedForAll(owner, address(this)) || collection.getApproved(tokenId) == address(this);
    }
}
