// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {BLS12381} from "./BLS12381.sol";
import {KeeperRegistry} from "./KeeperRegistry.sol";

/// @title AttestationCenter
/// @notice Records the keepers' verdict on each task: an aggregate BLS
/// signature by registered keepers over the vote digest. Approvals need two
/// thirds of the active stake, rejections one third. Each task id is recorded
/// once.
/// @dev Anyone holding a valid certificate may submit it; the signature, not
/// the sender, is what counts. The sender is reported as the aggregator.
contract AttestationCenter {
    /// @notice Domain separator of vote digests; Go's attestation.VoteDomain.
    bytes32 public constant VOTE_DOMAIN = keccak256("TriggerX.Vote.v1");

    /// @notice Whose keepers vote, with which keys and stakes.
    KeeperRegistry public immutable keeperRegistry;
    /// @notice The number of tasks recorded; the n-th recorded task has
    /// taskNumber n.
    uint32 public taskNumber;
    /// @notice Whether a task's verdict was recorded.
    mapping(bytes32 taskId => bool) public submitted;

    /// @notice The keepers approved the task's result.
    event TaskSubmitted(
        bytes32 indexed taskId,
        uint256 indexed jobId,
        uint16 taskDefinitionId,
        bytes32 resultHash,
        uint32 taskNumber,
        uint256[] signerIds,
        address aggregator
    );
    /// @notice The keepers rejected the task's result.
    event TaskRejected(
        bytes32 indexed taskId,
        uint256 indexed jobId,
        uint16 taskDefinitionId,
        bytes32 resultHash,
        uint32 taskNumber,
        uint256[] signerIds,
        address aggregator
    );

    /// @notice The task's verdict was already recorded.
    error TaskAlreadySubmitted(bytes32 taskId);
    /// @notice No signer ids were given.
    error NoSigners();
    /// @notice signerIds[index] is not greater than the id before it.
    error SignerIdsNotIncreasing(uint256 index);
    /// @notice The id is not an active keeper.
    error InactiveSigner(uint256 id);
    /// @notice The signers' stake is below the quorum for the verdict.
    error QuorumNotReached(uint256 signedStake, uint256 totalStake);
    /// @notice The aggregate signature does not verify.
    error InvalidSignature();

    constructor(KeeperRegistry keeperRegistry_) {
        keeperRegistry = keeperRegistry_;
    }

    /// @notice Records the verdict on a task.
    /// @param taskId The task.
    /// @param jobId The task's job.
    /// @param taskDefinitionId The job's kind.
    /// @param resultHash The performer's result the keepers voted on.
    /// @param approve The verdict.
    /// @param signerIds The signing keepers' ids, strictly increasing.
    /// @param signature The 256-byte EIP-2537 aggregate signature of
    /// voteDigest(taskId, jobId, taskDefinitionId, resultHash, approve).
    function submitTask(
        bytes32 taskId,
        uint256 jobId,
        uint16 taskDefinitionId,
        bytes32 resultHash,
        bool approve,
        uint256[] calldata signerIds,
        bytes calldata signature
    ) external {
        if (submitted[taskId]) revert TaskAlreadySubmitted(taskId);
        (bytes memory aggregateKey, uint256 signedStake) = _aggregate(signerIds);
        uint256 totalStake = keeperRegistry.totalStake();
        // Approve: signed ≥ 2/3 total; reject: signed ≥ 1/3 total.
        if (signedStake * 3 < totalStake * (approve ? 2 : 1)) revert QuorumNotReached(signedStake, totalStake);
        bytes32 digest = voteDigest(taskId, jobId, taskDefinitionId, resultHash, approve);
        if (!BLS12381.verify(aggregateKey, digest, signature)) revert InvalidSignature();

        submitted[taskId] = true;
        uint32 number = ++taskNumber;
        if (approve) {
            emit TaskSubmitted(taskId, jobId, taskDefinitionId, resultHash, number, signerIds, msg.sender);
        } else {
            emit TaskRejected(taskId, jobId, taskDefinitionId, resultHash, number, signerIds, msg.sender);
        }
    }

    /// @notice The message keepers BLS-sign:
    /// keccak256(abi.encode(VOTE_DOMAIN, chainid, this, taskId, jobId,
    /// taskDefinitionId, resultHash, approve)); Go's attestation.VoteDigest.
    function voteDigest(bytes32 taskId, uint256 jobId, uint16 taskDefinitionId, bytes32 resultHash, bool approve)
        public
        view
        returns (bytes32)
    {
        return keccak256(
            abi.encode(VOTE_DOMAIN, block.chainid, address(this), taskId, jobId, taskDefinitionId, resultHash, approve)
        );
    }

    /// @dev Sums the signers' public keys and stakes, checking that the ids
    /// are strictly increasing active keepers.
    function _aggregate(uint256[] calldata signerIds)
        private
        view
        returns (bytes memory aggregateKey, uint256 signedStake)
    {
        if (signerIds.length == 0) revert NoSigners();
        uint256 count = keeperRegistry.keeperCount();
        uint256 previous = 0;
        for (uint256 i = 0; i < signerIds.length; ++i) {
            uint256 id = signerIds[i];
            if (id <= previous) revert SignerIdsNotIncreasing(i);
            if (id > count) revert InactiveSigner(id);
            (, uint256 stake, bytes memory key, bool active) = keeperRegistry.getKeeper(id);
            if (!active) revert InactiveSigner(id);
            signedStake += stake;
            aggregateKey = i == 0 ? key : BLS12381.addG1(aggregateKey, key);
            previous = id;
        }
    }
}
