// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";

/// @title PlatformFee
/// @notice The platform's cut of every sale: a fee recipient and a rate in basis points, set by the admin,
///         together with the push-payment helper the selling contracts use to pay out in the sale transaction.
/// @dev Recipient and rate share one storage slot, so reading the fee terms during a sale costs one SLOAD.
abstract contract PlatformFee is AccessControl {
    /// @notice Basis-point denominator: 10,000 bps = 100 %.
    uint16 public constant BPS_DENOMINATOR = 10_000;

    /// @notice Highest platform fee the admin can set: 1,000 bps = 10 %.
    uint16 public constant MAX_PLATFORM_FEE_BPS = 1_000;

    struct FeeTerms {
        address recipient;
        uint16 bps;
    }

    FeeTerms private _feeTerms;

    /// @notice Emitted whenever the fee recipient or rate is set, including at deployment.
    event PlatformFeeUpdated(address indexed recipient, uint16 bps);

    /// @notice The fee rate is above {MAX_PLATFORM_FEE_BPS}.
    error PlatformFeeTooHigh(uint16 bps, uint16 maxBps);

    /// @notice The fee recipient is the zero address.
    error InvalidPlatformFeeRecipient(address recipient);

    constructor(address recipient, uint16 bps) {
        _setPlatformFee(recipient, bps);
    }

    /// @notice The current platform fee terms.
    /// @return recipient The address that receives the platform fee of each sale.
    /// @return bps The fee rate in basis points of the sale price.
    function platformFee() external view returns (address recipient, uint16 bps) {
        FeeTerms memory terms = _feeTerms;
        return (terms.recipient, terms.bps);
    }

    /// @notice Sets the platform fee recipient and rate. Applies to sales made after this transaction.
    /// @dev Only the DEFAULT_ADMIN_ROLE. Emits {PlatformFeeUpdated}.
    /// @param recipient The new fee recipient, not the zero address.
    /// @param bps The new fee rate in basis points, at most {MAX_PLATFORM_FEE_BPS}.
    function setPlatformFee(address recipient, uint16 bps) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setPlatformFee(recipient, bps);
    }

    function _setPlatformFee(address recipient, uint16 bps) private {
        if (recipient == address(0)) revert InvalidPlatformFeeRecipient(recipient);
        if (bps > MAX_PLATFORM_FEE_BPS) revert PlatformFeeTooHigh(bps, MAX_PLATFORM_FEE_BPS);
        _feeTerms = FeeTerms(recipient, bps);
        emit PlatformFeeUpdated(recipient, bps);
    }

    /// @dev The fee recipient and the fee owed on a sale of `price` wei, rounded down.
    function _platformFeeOn(uint256 price) internal view returns (address recipient, uint256 fee) {
        FeeTerms memory terms = _feeTerms;
        return (terms.recipient, (price * terms.bps) / BPS_DENOMINATOR);
    }

    /// @dev Sends `amount` wei to `to`, forwarding all gas and bubbling up a revert. Zero amounts send nothing.
    ///      Callers run it last, after every state change (checks-effects-interactions) and under a reentrancy guard.
    function _pay(address to, uint256 amount) internal {
        if (amount != 0) Address.sendValue(payable(to), amount);
    }
}
