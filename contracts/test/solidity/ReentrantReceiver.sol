// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC721Receiver} from "@openzeppelin/contracts/token/ERC721/IERC721Receiver.sol";

/// @title ReentrantReceiver
/// @notice Hostile wallet (test only). It acts through {execute}; when it receives a token
///         (`onERC721Received`) or ether (`receive`) while armed, it makes one re-entrant call and records
///         whether that call succeeded and its revert data, without reverting itself.
contract ReentrantReceiver is IERC721Receiver {
    address private _reentryTarget;
    uint256 private _reentryValue;
    bytes private _reentryData;

    /// @notice How many re-entrant calls were attempted.
    uint256 public reentryAttempts;

    /// @notice Whether the last re-entrant call succeeded.
    bool public reentrySucceeded;

    /// @notice Revert data of the last re-entrant call.
    bytes public reentryRevertData;

    /// @notice Makes the next token or ether receipt call `target` with `value` wei and `data`.
    function arm(address target, uint256 value, bytes calldata data) external {
        _reentryTarget = target;
        _reentryValue = value;
        _reentryData = data;
    }

    /// @notice Calls `target` with `value` wei and `data`, bubbling up a revert.
    function execute(address target, uint256 value, bytes calldata data) external payable returns (bytes memory) {
        (bool success, bytes memory result) = target.call{value: value}(data);
        if (!success) {
            assembly ("memory-safe") {
                revert(add(result, 0x20), mload(result))
            }
        }
        return result;
    }

    /// @inheritdoc IERC721Receiver
    function onERC721Received(address, address, uint256, bytes calldata) external returns (bytes4) {
        _reenter();
        return IERC721Receiver.onERC721Received.selector;
    }

    receive() external payable {
        _reenter();
    }

    function _reenter() private {
        address target = _reentryTarget;
        if (target == address(0)) return;
        _reentryTarget = address(0);
        reentryAttempts += 1;
        (bool success, bytes memory result) = target.call{value: _reentryValue}(_reentryData);
        reentrySucceeded = success;
        reentryRevertData = result;
    }
}
