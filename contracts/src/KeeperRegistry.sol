// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {BLS12381} from "./BLS12381.sol";
import {Owned} from "./Owned.sol";

/// @title KeeperRegistry
/// @notice The set of keepers: each stakes ether and registers a BLS12-381
/// public key with a proof of possession. Keepers get ids 1, 2, 3, … in
/// registration order; an id is never reused. Vote weights are stakes.
///
/// Leaving takes two steps: deregister makes the keeper inactive at once (its
/// stake no longer counts and it can no longer execute or vote), and after
/// exitDelay withdrawStake refunds what is left of the stake. Until then the
/// stake stays slashable, so misbehaviour found after a keeper left is still
/// punished.
///
/// The slasher (the AttestationCenter, which checks the evidence) may slash a
/// share of a keeper's stake: reporterBps of it rewards the reporter, the
/// rest accrues to the treasury, which the owner withdraws. An active keeper
/// whose stake falls below minStake is ejected: inactive, and exiting as if
/// it had deregistered.
/// @dev An address registers at most once; after deregistering it cannot
/// register again (ids and keys stay stable for past certificates). A public
/// key is accepted at most once.
contract KeeperRegistry is Owned {
    /// @notice Domain separator of proof-of-possession messages; Go's
    /// attestation.PopDomain.
    bytes32 public constant POP_DOMAIN = keccak256("TriggerX.ProofOfPossession.v1");

    /// @notice The longest exit delay the owner may set.
    uint256 public constant MAX_EXIT_DELAY = 365 days;
    /// @notice Basis points: 10000 is 100%.
    uint256 public constant BPS = 10_000;
    /// @notice Gas given to the reporter's reward transfer; when it fails the
    /// reward waits in rewards for claimReward.
    uint256 public constant REWARD_GAS = 50_000;

    /// @notice The smallest stake accepted at registration, in wei.
    uint256 public immutable minStake;
    /// @notice The account whose ECDSA key signs task assignments.
    address public coordinator;
    /// @notice The sum of the stakes of active keepers.
    uint256 public totalStake;
    /// @notice The keeper id of an address, 0 when it never registered.
    mapping(address keeper => uint256 id) public keeperId;
    /// @notice Whether a public key (by keccak256 of its EIP-2537 encoding)
    /// was ever registered.
    mapping(bytes32 pubKeyHash => bool) public pubKeyRegistered;
    /// @notice Seconds between deregistering and withdrawing the stake.
    uint256 public exitDelay = 7 days;
    /// @notice The account allowed to slash (the AttestationCenter).
    address public slasher;
    /// @notice The reporter's share of a slashed amount, in basis points.
    uint256 public reporterBps = 1_000;
    /// @notice Slashed wei not paid to reporters, withdrawable by the owner.
    uint256 public treasury;
    /// @notice Reporter rewards whose transfer failed, claimable by the
    /// reporter.
    mapping(address reporter => uint256) public rewards;

    struct Keeper {
        address keeper;
        bool active; // packed with keeper
        uint64 withdrawableAt; // packed; nonzero while exiting
        uint256 stake;
        bytes blsPubKey;
    }

    /// @dev _keepers[id - 1] is keeper id.
    Keeper[] private _keepers;

    /// @notice A keeper registered.
    event KeeperRegistered(uint256 indexed id, address indexed keeper, uint256 stake, bytes blsPubKey);
    /// @notice A keeper deregistered: it is inactive and may withdraw its
    /// stake from withdrawableAt (a unix time) on.
    event KeeperExitRequested(uint256 indexed id, address indexed keeper, uint256 withdrawableAt);
    /// @notice A keeper's stake fell below minStake by slashing: it is
    /// inactive and may withdraw the rest from withdrawableAt on.
    event KeeperEjected(uint256 indexed id, address indexed keeper, uint256 withdrawableAt);
    /// @notice A keeper completed its exit and was refunded its remaining
    /// stake.
    event KeeperDeregistered(uint256 indexed id, address indexed keeper);
    /// @notice amount wei of a keeper's stake was slashed on reporter's
    /// evidence.
    event KeeperSlashed(uint256 indexed id, uint256 amount, address reporter);
    /// @notice A reporter's reward could not be sent; it waits in rewards.
    event RewardDeferred(address indexed reporter, uint256 amount);
    /// @notice A reporter claimed its deferred rewards.
    event RewardClaimed(address indexed reporter, uint256 amount);
    /// @notice The owner withdrew from the treasury.
    event TreasuryWithdrawn(address indexed to, uint256 amount);
    /// @notice The coordinator changed.
    event CoordinatorSet(address indexed previousCoordinator, address indexed coordinator);
    /// @notice The exit delay changed.
    event ExitDelaySet(uint256 exitDelay);
    /// @notice The slasher changed.
    event SlasherSet(address indexed previousSlasher, address indexed slasher);
    /// @notice The reporter's share changed.
    event ReporterBpsSet(uint256 reporterBps);

    /// @notice The minimum stake must be positive.
    error ZeroMinStake();
    /// @notice The stake sent is below minStake.
    error StakeTooLow(uint256 stake, uint256 minStake);
    /// @notice The address already registered (it may have left since).
    error AlreadyRegistered(address keeper);
    /// @notice The public key is not a 128-byte non-identity G1 encoding.
    error InvalidPubKey();
    /// @notice Another registration already uses this public key.
    error PubKeyAlreadyRegistered(bytes32 pubKeyHash);
    /// @notice The proof of possession does not verify.
    error InvalidProofOfPossession();
    /// @notice The address has no active registration.
    error NotActive(address keeper);
    /// @notice No keeper has this id.
    error UnknownKeeper(uint256 id);
    /// @notice Sending the refund failed.
    error RefundFailed(address keeper, uint256 amount);
    /// @notice The keeper has not deregistered (or is not a keeper).
    error ExitNotRequested(address keeper);
    /// @notice The exit delay has not passed; withdraw from withdrawableAt on.
    error ExitDelayNotOver(uint256 withdrawableAt);
    /// @notice The keeper already withdrew its stake, or there is no reward
    /// or treasury balance to take.
    error NothingToWithdraw();
    /// @notice The exit delay exceeds MAX_EXIT_DELAY.
    error ExitDelayTooLong(uint256 exitDelay, uint256 maxExitDelay);
    /// @notice A share above 10000 basis points.
    error InvalidBps(uint256 bps);
    /// @notice The caller is not the slasher.
    error NotSlasher(address caller);
    /// @notice The owner asked for more than the treasury holds.
    error InsufficientTreasury(uint256 treasury, uint256 amount);
    /// @notice Sending ether failed.
    error TransferFailed(address to, uint256 amount);

    modifier onlySlasher() {
        if (msg.sender != slasher) revert NotSlasher(msg.sender);
        _;
    }

    /// @param minStake_ The smallest stake accepted, in wei; must be positive.
    constructor(uint256 minStake_) {
        if (minStake_ == 0) revert ZeroMinStake();
        minStake = minStake_;
    }

    /// @notice Sets the coordinator account.
    function setCoordinator(address coordinator_) external onlyOwner {
        emit CoordinatorSet(coordinator, coordinator_);
        coordinator = coordinator_;
    }

    /// @notice Sets the delay between deregistering and withdrawing, for
    /// exits requested from now on.
    function setExitDelay(uint256 exitDelay_) external onlyOwner {
        if (exitDelay_ > MAX_EXIT_DELAY) revert ExitDelayTooLong(exitDelay_, MAX_EXIT_DELAY);
        exitDelay = exitDelay_;
        emit ExitDelaySet(exitDelay_);
    }

    /// @notice Sets the account allowed to slash (the AttestationCenter).
    function setSlasher(address slasher_) external onlyOwner {
        emit SlasherSet(slasher, slasher_);
        slasher = slasher_;
    }

    /// @notice Sets the reporter's share of slashed amounts, in basis points.
    function setReporterBps(uint256 reporterBps_) external onlyOwner {
        if (reporterBps_ > BPS) revert InvalidBps(reporterBps_);
        reporterBps = reporterBps_;
        emit ReporterBpsSet(reporterBps_);
    }

    /// @notice Sends amount wei of the treasury to to.
    function withdrawTreasury(address to, uint256 amount) external onlyOwner {
        if (to == address(0)) revert ZeroAddress();
        if (amount > treasury) revert InsufficientTreasury(treasury, amount);
        treasury -= amount;
        emit TreasuryWithdrawn(to, amount);
        (bool ok,) = to.call{value: amount}("");
        if (!ok) revert TransferFailed(to, amount);
    }

    /// @notice Registers the caller as a keeper with msg.value as its stake.
    /// @param blsPubKey The 128-byte EIP-2537 encoding of the G1 public key.
    /// @param pop The 256-byte EIP-2537 encoding of the BLS signature of
    /// popMessage(msg.sender, blsPubKey) by the key.
    /// @return id The new keeper's id.
    function register(bytes calldata blsPubKey, bytes calldata pop) external payable returns (uint256 id) {
        if (msg.value < minStake) revert StakeTooLow(msg.value, minStake);
        if (keeperId[msg.sender] != 0) revert AlreadyRegistered(msg.sender);
        if (blsPubKey.length != BLS12381.G1_LENGTH || BLS12381.isZero(blsPubKey)) revert InvalidPubKey();
        bytes32 pubKeyHash = keccak256(blsPubKey);
        if (pubKeyRegistered[pubKeyHash]) revert PubKeyAlreadyRegistered(pubKeyHash);
        if (!BLS12381.verify(blsPubKey, _popMessage(msg.sender, pubKeyHash), pop)) {
            revert InvalidProofOfPossession();
        }

        _keepers.push(
            Keeper({keeper: msg.sender, active: true, withdrawableAt: 0, stake: msg.value, blsPubKey: blsPubKey})
        );
        id = _keepers.length;
        keeperId[msg.sender] = id;
        pubKeyRegistered[pubKeyHash] = true;
        totalStake += msg.value;
        emit KeeperRegistered(id, msg.sender, msg.value, blsPubKey);
    }

    /// @notice Starts the caller's exit: it becomes inactive at once (its
    /// stake leaves totalStake; it can no longer execute or vote) and may
    /// withdraw its stake with withdrawStake after exitDelay. The stake stays
    /// slashable until then.
    function deregister() external {
        uint256 id = keeperId[msg.sender];
        if (id == 0 || !_keepers[id - 1].active) revert NotActive(msg.sender);
        Keeper storage k = _keepers[id - 1];
        uint256 at = _startExit(k);
        totalStake -= k.stake;
        emit KeeperExitRequested(id, msg.sender, at);
    }

    /// @notice Completes the caller's exit once its exit delay has passed:
    /// refunds the remaining stake (possibly reduced by slashing).
    function withdrawStake() external {
        uint256 id = keeperId[msg.sender];
        if (id == 0 || _keepers[id - 1].active) revert ExitNotRequested(msg.sender);
        Keeper storage k = _keepers[id - 1];
        uint256 at = k.withdrawableAt;
        if (at == 0) revert NothingToWithdraw();
        if (block.timestamp < at) revert ExitDelayNotOver(at);
        uint256 stake = k.stake;
        k.stake = 0;
        k.withdrawableAt = 0;
        emit KeeperDeregistered(id, msg.sender);
        if (stake != 0) {
            (bool ok,) = msg.sender.call{value: stake}("");
            if (!ok) revert RefundFailed(msg.sender, stake);
        }
    }

    /// @notice When keeper may withdraw its stake (a unix time); 0 when it
    /// is not exiting (active, never registered, or already withdrawn).
    function withdrawableAt(address keeper) external view returns (uint256) {
        uint256 id = keeperId[keeper];
        return id == 0 ? 0 : _keepers[id - 1].withdrawableAt;
    }

    /// @notice Takes bps/10000 of keeper id's current stake, also while it is
    /// exiting; only the slasher. Pays reporterBps of it to reporter (or
    /// keeps it claimable in rewards when the transfer fails; none for the
    /// zero address) and adds the rest to the treasury. An active keeper left
    /// with less than minStake is ejected.
    /// @return slashed The wei taken.
    function slash(uint256 id, uint256 bps, address reporter) external onlySlasher returns (uint256 slashed) {
        if (id == 0 || id > _keepers.length) revert UnknownKeeper(id);
        if (bps > BPS) revert InvalidBps(bps);
        Keeper storage k = _keepers[id - 1];
        uint256 stake = k.stake;
        slashed = stake * bps / BPS;
        uint256 remaining = stake - slashed;
        k.stake = remaining;
        if (k.active) {
            if (remaining < minStake) {
                totalStake -= stake;
                emit KeeperEjected(id, k.keeper, _startExit(k));
            } else {
                totalStake -= slashed;
            }
        }
        uint256 reward = reporter == address(0) ? 0 : slashed * reporterBps / BPS;
        treasury += slashed - reward;
        emit KeeperSlashed(id, slashed, reporter);
        if (reward != 0) {
            (bool ok,) = reporter.call{value: reward, gas: REWARD_GAS}("");
            if (!ok) {
                rewards[reporter] += reward;
                emit RewardDeferred(reporter, reward);
            }
        }
    }

    /// @notice Pays the caller the rewards whose transfer failed.
    function claimReward() external {
        uint256 amount = rewards[msg.sender];
        if (amount == 0) revert NothingToWithdraw();
        rewards[msg.sender] = 0;
        emit RewardClaimed(msg.sender, amount);
        (bool ok,) = msg.sender.call{value: amount}("");
        if (!ok) revert TransferFailed(msg.sender, amount);
    }

    /// @notice The message a keeper BLS-signs to prove possession of its key:
    /// keccak256(abi.encode(POP_DOMAIN, chainid, this, keeper,
    /// keccak256(blsPubKey))); Go's attestation.PopMessage.
    function popMessage(address keeper, bytes calldata blsPubKey) external view returns (bytes32) {
        return _popMessage(keeper, keccak256(blsPubKey));
    }

    /// @notice The number of registrations ever made (the highest id).
    function keeperCount() external view returns (uint256) {
        return _keepers.length;
    }

    /// @notice Whether keeper is registered and has not left.
    function isActive(address keeper) external view returns (bool) {
        uint256 id = keeperId[keeper];
        return id != 0 && _keepers[id - 1].active;
    }

    /// @notice One keeper by id. Reverts UnknownKeeper for an id never
    /// assigned. An exiting keeper reports active false and its locked stake;
    /// one that withdrew reports stake 0.
    function getKeeper(uint256 id)
        external
        view
        returns (address keeper, uint256 stake, bytes memory blsPubKey, bool active)
    {
        if (id == 0 || id > _keepers.length) revert UnknownKeeper(id);
        Keeper storage k = _keepers[id - 1];
        return (k.keeper, k.stake, k.blsPubKey, k.active);
    }

    /// @notice Every keeper ever registered; index i holds keeper id i + 1.
    function getKeepers()
        external
        view
        returns (address[] memory keepers, uint256[] memory stakes, bytes[] memory blsPubKeys, bool[] memory active)
    {
        uint256 n = _keepers.length;
        keepers = new address[](n);
        stakes = new uint256[](n);
        blsPubKeys = new bytes[](n);
        active = new bool[](n);
        for (uint256 i = 0; i < n; ++i) {
            Keeper storage k = _keepers[i];
            keepers[i] = k.keeper;
            stakes[i] = k.stake;
            blsPubKeys[i] = k.blsPubKey;
            active[i] = k.active;
        }
    }

    /// @dev Makes k inactive and exiting; returns when it may withdraw.
    function _startExit(Keeper storage k) private returns (uint256 at) {
        at = block.timestamp + exitDelay;
        k.active = false;
        k.withdrawableAt = uint64(at);
    }

    function _popMessage(address keeper, bytes32 pubKeyHash) private view returns (bytes32) {
        return keccak256(abi.encode(POP_DOMAIN, block.chainid, address(this), keeper, pubKeyHash));
    }
}
