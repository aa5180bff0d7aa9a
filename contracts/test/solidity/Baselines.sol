// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ERC721URIStorage} from "@openzeppelin/contracts/token/ERC721/extensions/ERC721URIStorage.sol";

/// @title PlainERC721
/// @notice Gas baseline (test only): OpenZeppelin ERC-721 with an unrestricted plain `_mint`.
contract PlainERC721 is ERC721 {
    constructor() ERC721("Plain", "PLAIN") {}

    /// @notice Mints `tokenId` to `to`.
    function mint(address to, uint256 tokenId) external {
        _mint(to, tokenId);
    }
}

/// @title URIStorageERC721
/// @notice Gas baseline (test only): OpenZeppelin ERC721URIStorage, minting with a per-token URI string.
contract URIStorageERC721 is ERC721URIStorage {
    constructor() ERC721("URIStorage", "URIS") {}

    /// @notice Mints `tokenId` to `to` and stores its token URI.
    function mint(address to, uint256 tokenId, string calldata uri) external {
        _mint(to, tokenId);
        _setTokenURI(tokenId, uri);
    }
}
