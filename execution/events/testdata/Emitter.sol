// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/// @title Emitter
/// @notice Emits events with every kind of parameter the events package
/// decodes, so that its tests check Match against logs solc really produces.
/// Compiled by gen.js into Emitter.json; not part of the deployed system.
contract Emitter {
    struct Pair {
        uint256 n;
        string s;
    }

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Mixed(int256 indexed delta, bytes32 indexed tag, bool flag, int64 small, bytes blob);
    event Hashed(string indexed name, bytes indexed raw, uint256[] indexed nums);
    event Nested(string[] indexed names, Pair indexed pair, bytes32[2] indexed tags);
    event Values(uint256[] nums, Pair pair, string[] names, uint128 big, int8 tiny);

    function transfer(address to, uint256 value) external {
        emit Transfer(msg.sender, to, value);
    }

    function mixed(int256 delta, bytes32 tag, bool flag, int64 small, bytes calldata blob) external {
        emit Mixed(delta, tag, flag, small, blob);
    }

    function hashed(string calldata name, bytes calldata raw, uint256[] calldata nums) external {
        emit Hashed(name, raw, nums);
    }

    function nested(string[] calldata names, Pair calldata pair, bytes32[2] calldata tags) external {
        emit Nested(names, pair, tags);
    }

    function values(uint256[] calldata nums, Pair calldata pair, string[] calldata names, uint128 big, int8 tiny)
        external
    {
        emit Values(nums, pair, names, big, tiny);
    }
}
