// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/// @title Owned
/// @notice Single-owner access control: the deployer owns the contract and may
/// hand it over.
abstract contract Owned {
    /// @notice The account allowed to call owner-only functions.
    address public owner;

    /// @notice Emitted when ownership changes, including at deployment.
    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    /// @notice The caller is not the owner.
    error NotOwner(address caller);
    /// @notice The zero address was given where an account is required.
    error ZeroAddress();

    constructor() {
        owner = msg.sender;
        emit OwnershipTransferred(address(0), msg.sender);
    }

    modifier onlyOwner() {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        _;
    }

    /// @notice Hands ownership to newOwner.
    function transferOwnership(address newOwner) external onlyOwner {
        if (newOwner == address(0)) revert ZeroAddress();
        emit OwnershipTransferred(owner, newOwner);
        owner = newOwner;
    }
}
