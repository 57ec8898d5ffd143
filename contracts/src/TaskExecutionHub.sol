// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {JobRegistry} from "./JobRegistry.sol";
import {KeeperRegistry} from "./KeeperRegistry.sol";
import {Owned} from "./Owned.sol";
import {TriggerGasRegistry} from "./TriggerGasRegistry.sol";

/// @title TaskExecutionHub
/// @notice The one entry point through which keepers perform tasks. It lets
/// only active keepers in, performs each task at most once, calls only the
/// job's target, and charges the job owner's TriggerGasRegistry balance for
/// the gas plus a premium and a fixed fee (see quote), crediting the keeper
/// that paid for the transaction. It refuses, before calling the target, a
/// task whose owner could not pay for the whole gas limit.
/// @dev A failing target call does not revert the execution: the task counts
/// as executed, the gas is charged and TaskExecuted reports success = false,
/// so a broken target cannot make keepers retry forever. Whether the result
/// was right is for the keepers to attest in the AttestationCenter.
contract TaskExecutionHub is Owned {
    /// @notice Gas the measurement inside executeFunction cannot see: the
    /// intrinsic transaction cost, calldata, dispatch, the charge itself and
    /// the event. Calibrated on a typical execution so the charge is close to
    /// the receipt's gasUsed.
    uint256 public constant GAS_OVERHEAD = 40_600;
    /// @notice Gas kept back from the target call so the execution can always
    /// be charged and recorded afterwards.
    uint256 public constant POST_CALL_GAS = 60_000;
    /// @notice Basis points: 10000 is 100%.
    uint256 public constant BPS = 10_000;
    /// @notice The highest premium the owner may set (100%).
    uint256 public constant MAX_PREMIUM_BPS = 10_000;

    /// @notice Whose keepers may execute.
    KeeperRegistry public immutable keeperRegistry;
    /// @notice Where the jobs are.
    JobRegistry public immutable jobRegistry;
    /// @notice Whose balances pay for executions.
    TriggerGasRegistry public immutable gasRegistry;

    /// @notice The keeper's premium on top of the gas cost, in basis points
    /// of it.
    uint256 public premiumBps = 1_000;
    /// @notice A flat fee per execution, in wei.
    uint256 public fixedFee;
    /// @notice The keeper that executed a task, zero when not executed.
    mapping(bytes32 taskId => address keeper) public executedBy;

    /// @notice A task was executed. calldataHash is keccak256(data); charged
    /// is in wei.
    event TaskExecuted(
        bytes32 indexed taskId,
        uint256 indexed jobId,
        address indexed keeper,
        address target,
        bool success,
        bytes32 calldataHash,
        uint256 charged
    );

    /// @notice The premium changed.
    event PremiumBpsSet(uint256 premiumBps);
    /// @notice The fixed fee changed.
    event FixedFeeSet(uint256 fixedFee);

    /// @notice The caller is not an active keeper.
    error NotKeeper(address caller);
    /// @notice The task was already executed.
    error TaskAlreadyExecuted(bytes32 taskId);
    /// @notice No job has this id.
    error UnknownJob(uint256 jobId);
    /// @notice The job was deleted.
    error JobInactive(uint256 jobId);
    /// @notice The target is not the job's target.
    error TargetMismatch(address target, address jobTarget);
    /// @notice The hub never calls the protocol's own contracts (it could
    /// otherwise, say, spend users' gas balances as the hub).
    error ForbiddenTarget(address target);
    /// @notice Too little gas to call the target and charge for it, or the
    /// target call ran out of gas.
    error InsufficientGas();
    /// @notice The job owner's gas balance cannot pay for the execution at
    /// the transaction's gas limit and price. Same selector as
    /// TriggerGasRegistry.InsufficientBalance.
    error InsufficientBalance(address owner, uint256 balance, uint256 required);
    /// @notice The premium exceeds MAX_PREMIUM_BPS.
    error PremiumTooHigh(uint256 premiumBps, uint256 maxPremiumBps);

    constructor(KeeperRegistry keeperRegistry_, JobRegistry jobRegistry_, TriggerGasRegistry gasRegistry_) {
        keeperRegistry = keeperRegistry_;
        jobRegistry = jobRegistry_;
        gasRegistry = gasRegistry_;
    }

    /// @notice Sets the premium, in basis points of the gas cost.
    function setPremiumBps(uint256 premiumBps_) external onlyOwner {
        if (premiumBps_ > MAX_PREMIUM_BPS) revert PremiumTooHigh(premiumBps_, MAX_PREMIUM_BPS);
        premiumBps = premiumBps_;
        emit PremiumBpsSet(premiumBps_);
    }

    /// @notice Sets the fixed fee per execution, in wei.
    function setFixedFee(uint256 fixedFee_) external onlyOwner {
        fixedFee = fixedFee_;
        emit FixedFeeSet(fixedFee_);
    }

    /// @notice What an execution that used gasUsed gas at gasPrice costs the
    /// job owner: gasUsed × gasPrice × (10000 + premiumBps) / 10000 +
    /// fixedFee.
    function quote(uint256 gasUsed, uint256 gasPrice) public view returns (uint256) {
        return gasUsed * gasPrice * (BPS + premiumBps) / BPS + fixedFee;
    }

    /// @notice Performs task taskId of job jobId: calls target with data (no
    /// value) and charges the job owner quote(gas used, tx.gasprice). Before
    /// calling the target it reverts InsufficientBalance, executing nothing,
    /// when the owner's balance is below the worst case, quote(all the gas
    /// left + GAS_OVERHEAD, tx.gasprice); simulations at real fee prices
    /// therefore fail, and keepers do not send.
    /// @dev target must equal the job's target; a custom-script job (kind 7)
    /// registered without a target may call any contract but the protocol's
    /// own.
    /// @return success Whether the target call succeeded.
    function executeFunction(uint256 jobId, bytes32 taskId, address target, bytes calldata data)
        external
        returns (bool success)
    {
        uint256 startGas = gasleft();
        if (!keeperRegistry.isActive(msg.sender)) revert NotKeeper(msg.sender);
        if (executedBy[taskId] != address(0)) revert TaskAlreadyExecuted(taskId);
        address jobOwner = _checkJob(jobId, target);
        uint256 required = quote(startGas + GAS_OVERHEAD, tx.gasprice);
        uint256 balance = gasRegistry.balanceOf(jobOwner);
        if (balance < required) revert InsufficientBalance(jobOwner, balance, required);
        executedBy[taskId] = msg.sender;

        success = _call(target, data);

        uint256 charged = quote(startGas - gasleft() + GAS_OVERHEAD, tx.gasprice);
        gasRegistry.deduct(jobOwner, charged, msg.sender);
        emit TaskExecuted(taskId, jobId, msg.sender, target, success, keccak256(data), charged);
    }

    /// @notice Whether a task was executed.
    function executed(bytes32 taskId) external view returns (bool) {
        return executedBy[taskId] != address(0);
    }

    /// @dev Checks that the job exists, is active and may call target; returns
    /// its owner.
    function _checkJob(uint256 jobId, address target) private view returns (address) {
        (address jobOwner,, address jobTarget,, bool active) = jobRegistry.getJob(jobId);
        if (jobOwner == address(0)) revert UnknownJob(jobId);
        if (!active) revert JobInactive(jobId);
        if (
            target == address(this) || target == address(keeperRegistry) || target == address(jobRegistry)
                || target == address(gasRegistry)
        ) {
            revert ForbiddenTarget(target);
        }
        if (jobTarget != address(0) ? target != jobTarget : target == address(0)) {
            revert TargetMismatch(target, jobTarget);
        }
        return jobOwner;
    }

    /// @dev Calls target with data, keeping POST_CALL_GAS back, and ignores
    /// the return data (no copying, so a huge return cannot exhaust gas).
    /// A call that failed with (almost) all its gas spent is taken to have run
    /// out of gas because the keeper sent too little, and reverts
    /// InsufficientGas instead of being recorded: a keeper cannot fail a task
    /// on purpose by starving it, and eth_estimateGas finds a limit at which
    /// the target call succeeds.
    function _call(address target, bytes calldata data) private returns (bool success) {
        uint256 available = gasleft();
        if (available <= POST_CALL_GAS) revert InsufficientGas();
        uint256 callGas = available - POST_CALL_GAS;
        bytes memory input = data;
        assembly ("memory-safe") {
            success := call(callGas, target, 0, add(input, 32), mload(input), 0, 0)
        }
        if (!success && gasleft() < POST_CALL_GAS + callGas / 64) revert InsufficientGas();
    }
}
