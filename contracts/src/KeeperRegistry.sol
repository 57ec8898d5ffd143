// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {BLS12381} from "./BLS12381.sol";
import {Owned} from "./Owned.sol";

/// @title KeeperRegistry
/// @notice The set of keepers: each stakes ether and registers a BLS12-381
/// public key with a proof of possession. Keepers get ids 1, 2, 3, … in
/// registration order; an id is never reused. Vote weights are stakes.
/// @dev An address registers at most once; after deregistering it cannot
/// register again (ids and keys stay stable for past certificates). A public
/// key is accepted at most once.
contract KeeperRegistry is Owned {
    /// @notice Domain separator of proof-of-possession messages; Go's
    /// attestation.PopDomain.
    bytes32 public constant POP_DOMAIN = keccak256("TriggerX.ProofOfPossession.v1");

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

    struct Keeper {
        address keeper;
        bool active; // packed with keeper
        uint256 stake;
        bytes blsPubKey;
    }

    /// @dev _keepers[id - 1] is keeper id.
    Keeper[] private _keepers;

    /// @notice A keeper registered.
    event KeeperRegistered(uint256 indexed id, address indexed keeper, uint256 stake, bytes blsPubKey);
    /// @notice A keeper left and was refunded its stake.
    event KeeperDeregistered(uint256 indexed id, address indexed keeper);
    /// @notice The coordinator changed.
    event CoordinatorSet(address indexed previousCoordinator, address indexed coordinator);

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

        _keepers.push(Keeper({keeper: msg.sender, active: true, stake: msg.value, blsPubKey: blsPubKey}));
        id = _keepers.length;
        keeperId[msg.sender] = id;
        pubKeyRegistered[pubKeyHash] = true;
        totalStake += msg.value;
        emit KeeperRegistered(id, msg.sender, msg.value, blsPubKey);
    }

    /// @notice Ends the caller's registration and refunds its stake.
    function deregister() external {
        uint256 id = keeperId[msg.sender];
        if (id == 0 || !_keepers[id - 1].active) revert NotActive(msg.sender);
        Keeper storage k = _keepers[id - 1];
        uint256 stake = k.stake;
        k.active = false;
        k.stake = 0;
        totalStake -= stake;
        emit KeeperDeregistered(id, msg.sender);
        (bool ok,) = msg.sender.call{value: stake}("");
        if (!ok) revert RefundFailed(msg.sender, stake);
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
    /// assigned. A keeper that left reports active false and stake 0.
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

    function _popMessage(address keeper, bytes32 pubKeyHash) private view returns (bytes32) {
        return keccak256(abi.encode(POP_DOMAIN, block.chainid, address(this), keeper, pubKeyHash));
    }
}
