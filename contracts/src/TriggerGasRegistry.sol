// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Owned} from "./Owned.sol";

/// @title TriggerGasRegistry
/// @notice Prepaid execution budgets. Users (or anyone on their behalf)
/// deposit ether; the TaskExecutionHub deducts the gas each execution cost
/// from the job owner's balance and credits it to the keeper that paid for
/// the transaction, who claims it later.
contract TriggerGasRegistry is Owned {
    /// @notice The TaskExecutionHub, the only account allowed to deduct.
    address public hub;
    /// @notice A user's prepaid balance, in wei.
    mapping(address user => uint256) public balanceOf;
    /// @notice A keeper's unclaimed reimbursements, in wei.
    mapping(address keeper => uint256) public earnings;

    /// @notice The hub was set.
    event HubSet(address indexed hub);
    /// @notice from added amount to user's balance.
    event Deposited(address indexed user, address indexed from, uint256 amount);
    /// @notice The hub charged user amount for an execution by keeper.
    event Deducted(address indexed user, address indexed keeper, uint256 amount);
    /// @notice A user withdrew from its balance.
    event Withdrawn(address indexed user, uint256 amount);
    /// @notice A keeper claimed its reimbursements.
    event EarningsClaimed(address indexed keeper, uint256 amount);

    /// @notice The hub can be set only once.
    error HubAlreadySet();
    /// @notice The caller is not the hub.
    error NotHub(address caller);
    /// @notice The balance does not cover the amount.
    error InsufficientBalance(address user, uint256 balance, uint256 amount);
    /// @notice A deposit of zero.
    error ZeroAmount();
    /// @notice The keeper has nothing to claim.
    error NothingToClaim(address keeper);
    /// @notice Sending ether failed.
    error TransferFailed(address to, uint256 amount);

    modifier onlyHub() {
        if (msg.sender != hub) revert NotHub(msg.sender);
        _;
    }

    /// @notice Sets the hub; only the owner, only once.
    function setHub(address hub_) external onlyOwner {
        if (hub != address(0)) revert HubAlreadySet();
        if (hub_ == address(0)) revert ZeroAddress();
        hub = hub_;
        emit HubSet(hub_);
    }

    /// @notice Adds msg.value to user's balance.
    function deposit(address user) external payable {
        if (user == address(0)) revert ZeroAddress();
        if (msg.value == 0) revert ZeroAmount();
        balanceOf[user] += msg.value;
        emit Deposited(user, msg.sender, msg.value);
    }

    /// @notice Charges user amount and credits it to keeper; only the hub.
    function deduct(address user, uint256 amount, address keeper) external onlyHub {
        uint256 balance = balanceOf[user];
        if (balance < amount) revert InsufficientBalance(user, balance, amount);
        unchecked {
            balanceOf[user] = balance - amount;
        }
        earnings[keeper] += amount;
        emit Deducted(user, keeper, amount);
    }

    /// @notice Withdraws amount from the caller's balance.
    function withdraw(uint256 amount) external {
        uint256 balance = balanceOf[msg.sender];
        if (balance < amount) revert InsufficientBalance(msg.sender, balance, amount);
        unchecked {
            balanceOf[msg.sender] = balance - amount;
        }
        emit Withdrawn(msg.sender, amount);
        _send(msg.sender, amount);
    }

    /// @notice Pays the caller its reimbursements.
    function claimEarnings() external {
        uint256 amount = earnings[msg.sender];
        if (amount == 0) revert NothingToClaim(msg.sender);
        earnings[msg.sender] = 0;
        emit EarningsClaimed(msg.sender, amount);
        _send(msg.sender, amount);
    }

    function _send(address to, uint256 amount) private {
        (bool ok,) = to.call{value: amount}("");
        if (!ok) revert TransferFailed(to, amount);
    }
}
