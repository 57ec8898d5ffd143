// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/// @title Counter
/// @notice A minimal automation target for tests and the local network.
contract Counter {
    /// @notice The running total.
    uint256 public count;
    /// @notice How many times each account called increment.
    mapping(address caller => uint256) public callsBy;

    /// @notice count grew by `by` on a call from caller.
    event Incremented(address caller, uint256 by, uint256 newCount);

    /// @notice Adds by to count.
    function increment(uint256 by) external {
        uint256 newCount = count + by;
        count = newCount;
        callsBy[msg.sender] += 1;
        emit Incremented(msg.sender, by, newCount);
    }
}
