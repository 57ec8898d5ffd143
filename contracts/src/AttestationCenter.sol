// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {BLS12381} from "./BLS12381.sol";
import {KeeperRegistry} from "./KeeperRegistry.sol";
import {Owned} from "./Owned.sol";

/// @title AttestationCenter
/// @notice Records the keepers' verdict on each task: an aggregate BLS
/// signature by registered keepers over the vote digest. Approvals need two
/// thirds of the active stake, rejections one third. Each task id is recorded
/// once. Certificates come one per transaction (submitTask) or in batches
/// (submitTasks).
///
/// It is also the KeeperRegistry's slasher: anyone holding two different
/// votes one keeper BLS-signed on the same task may report them
/// (reportConflictingVotes); the keeper loses slashBps of its stake, once per
/// task, and the reporter gets the registry's reporter share.
/// @dev Anyone holding a valid certificate may submit it; the signature, not
/// the sender, is what counts. The sender is reported as the aggregator.
contract AttestationCenter is Owned {
    /// @notice Domain separator of vote digests; Go's attestation.VoteDomain.
    bytes32 public constant VOTE_DOMAIN = keccak256("TriggerX.Vote.v1");
    /// @notice Basis points: 10000 is 100%.
    uint256 public constant BPS = 10_000;

    /// @notice Whose keepers vote, with which keys and stakes.
    KeeperRegistry public immutable keeperRegistry;
    /// @notice The number of tasks recorded; the n-th recorded task has
    /// taskNumber n.
    uint32 public taskNumber;
    /// @notice The share of a keeper's stake slashed for conflicting votes,
    /// in basis points.
    uint256 public slashBps = 5_000;
    /// @notice Whether a task's verdict was recorded.
    mapping(bytes32 taskId => bool) public submitted;
    /// @notice Whether a keeper was slashed for conflicting votes on a task.
    mapping(uint256 keeperId => mapping(bytes32 taskId => bool)) public slashedFor;

    /// @notice One certificate of a batch; the arguments of submitTask.
    struct Submission {
        bytes32 taskId;
        uint256 jobId;
        uint16 taskDefinitionId;
        bytes32 resultHash;
        bool approve;
        uint256[] signerIds;
        bytes signature;
    }

    /// @notice What a keeper signs: the arguments of voteDigest.
    struct Vote {
        bytes32 taskId;
        uint256 jobId;
        uint16 taskDefinitionId;
        bytes32 resultHash;
        bool approve;
    }

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
    /// @notice A batch entry was skipped: the task was already recorded.
    event SubmissionSkipped(bytes32 indexed taskId);
    /// @notice A keeper was slashed for signing two different votes on a task.
    event ConflictingVotesReported(uint256 indexed keeperId, bytes32 indexed taskId, address reporter, uint256 slashed);
    /// @notice The slashed share changed.
    event SlashBpsSet(uint256 slashBps);

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
    /// @notice An empty batch.
    error NoSubmissions();
    /// @notice The two votes are on different tasks.
    error DifferentTasks(bytes32 taskIdA, bytes32 taskIdB);
    /// @notice The two votes are the same vote (same digest).
    error SameVote();
    /// @notice The keeper was already slashed for conflicting votes on the
    /// task.
    error AlreadySlashed(uint256 keeperId, bytes32 taskId);
    /// @notice A share above 10000 basis points.
    error InvalidBps(uint256 bps);

    constructor(KeeperRegistry keeperRegistry_) {
        keeperRegistry = keeperRegistry_;
    }

    /// @notice Sets the share of a keeper's stake slashed for conflicting
    /// votes, in basis points.
    function setSlashBps(uint256 slashBps_) external onlyOwner {
        if (slashBps_ > BPS) revert InvalidBps(slashBps_);
        slashBps = slashBps_;
        emit SlashBpsSet(slashBps_);
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
        _check(
            voteDigest(taskId, jobId, taskDefinitionId, resultHash, approve),
            approve,
            signerIds,
            signature,
            keeperRegistry.totalStake(),
            keeperRegistry.keeperCount()
        );
        _record(taskId, jobId, taskDefinitionId, resultHash, approve, signerIds);
    }

    /// @notice Records the verdicts on several tasks, each checked and
    /// recorded exactly as submitTask does. An entry whose task is already
    /// recorded (by another aggregator, or earlier in the batch) is skipped
    /// with SubmissionSkipped; any other invalid entry reverts the batch with
    /// submitTask's error.
    /// @dev The signatures of the recorded entries are checked together
    /// (BLS12381.verifyBatch, one pairing), after the other checks; a bad one
    /// reverts InvalidSignature without saying which.
    function submitTasks(Submission[] calldata subs) external {
        uint256 n = subs.length;
        if (n == 0) revert NoSubmissions();
        uint256 totalStake = keeperRegistry.totalStake();
        uint256 count = keeperRegistry.keeperCount();
        bytes[] memory keys = new bytes[](n);
        bytes32[] memory digests = new bytes32[](n);
        bytes[] memory sigs = new bytes[](n);
        uint256 recorded = 0;
        for (uint256 i = 0; i < n; ++i) {
            Submission calldata s = subs[i];
            if (submitted[s.taskId]) {
                emit SubmissionSkipped(s.taskId);
                continue;
            }
            keys[recorded] = _quorumKey(s.approve, s.signerIds, totalStake, count);
            digests[recorded] = voteDigest(s.taskId, s.jobId, s.taskDefinitionId, s.resultHash, s.approve);
            sigs[recorded] = s.signature;
            ++recorded;
            _record(s.taskId, s.jobId, s.taskDefinitionId, s.resultHash, s.approve, s.signerIds);
        }
        if (recorded == 0) return;
        assembly ("memory-safe") {
            mstore(keys, recorded)
            mstore(digests, recorded)
            mstore(sigs, recorded)
        }
        if (!BLS12381.verifyBatch(keys, digests, sigs)) revert InvalidSignature();
    }

    /// @notice Slashes keeper keeperId for BLS-signing two different votes
    /// on one task (an honest keeper signs one vote per task). Anyone may
    /// report; the reporter gets the KeeperRegistry's reporter share of the
    /// slashed stake. Each keeper is slashed at most once per task. The
    /// signatures are checked against the keeper's registered key, also
    /// after it left.
    /// @param keeperId The keeper.
    /// @param a One vote, on task a.taskId.
    /// @param sigA The keeper's 256-byte EIP-2537 signature of voteDigest(a).
    /// @param b Another vote on the same task with a different digest.
    /// @param sigB The keeper's signature of voteDigest(b).
    /// @return slashed The wei taken from the keeper's stake.
    function reportConflictingVotes(
        uint256 keeperId,
        Vote calldata a,
        bytes calldata sigA,
        Vote calldata b,
        bytes calldata sigB
    ) external returns (uint256 slashed) {
        bytes32 taskId = a.taskId;
        if (b.taskId != taskId) revert DifferentTasks(taskId, b.taskId);
        bytes32 digestA = _voteDigest(a);
        bytes32 digestB = _voteDigest(b);
        if (digestA == digestB) revert SameVote();
        if (slashedFor[keeperId][taskId]) revert AlreadySlashed(keeperId, taskId);
        (,, bytes memory key,) = keeperRegistry.getKeeper(keeperId);
        if (!BLS12381.verify(key, digestA, sigA) || !BLS12381.verify(key, digestB, sigB)) {
            revert InvalidSignature();
        }
        slashedFor[keeperId][taskId] = true;
        slashed = keeperRegistry.slash(keeperId, slashBps, msg.sender);
        emit ConflictingVotesReported(keeperId, taskId, msg.sender, slashed);
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

    function _voteDigest(Vote calldata v) private view returns (bytes32) {
        return voteDigest(v.taskId, v.jobId, v.taskDefinitionId, v.resultHash, v.approve);
    }

    /// @dev Checks a certificate: the signers are strictly increasing active
    /// keepers holding the verdict's quorum of totalStake, and signature is
    /// their aggregate signature of digest. count is the registry's
    /// keeperCount.
    function _check(
        bytes32 digest,
        bool approve,
        uint256[] calldata signerIds,
        bytes calldata signature,
        uint256 totalStake,
        uint256 count
    ) private view {
        bytes memory aggregateKey = _quorumKey(approve, signerIds, totalStake, count);
        if (!BLS12381.verify(aggregateKey, digest, signature)) revert InvalidSignature();
    }

    /// @dev Checks that the signers are strictly increasing active keepers
    /// holding the verdict's quorum of totalStake; returns their aggregate
    /// key.
    function _quorumKey(bool approve, uint256[] calldata signerIds, uint256 totalStake, uint256 count)
        private
        view
        returns (bytes memory aggregateKey)
    {
        uint256 signedStake;
        (aggregateKey, signedStake) = _aggregate(signerIds, count);
        // Approve: signed ≥ 2/3 total; reject: signed ≥ 1/3 total.
        if (signedStake * 3 < totalStake * (approve ? 2 : 1)) revert QuorumNotReached(signedStake, totalStake);
    }

    /// @dev Marks the task recorded, numbers it and emits its event.
    function _record(
        bytes32 taskId,
        uint256 jobId,
        uint16 taskDefinitionId,
        bytes32 resultHash,
        bool approve,
        uint256[] calldata signerIds
    ) private {
        submitted[taskId] = true;
        uint32 number = ++taskNumber;
        if (approve) {
            emit TaskSubmitted(taskId, jobId, taskDefinitionId, resultHash, number, signerIds, msg.sender);
        } else {
            emit TaskRejected(taskId, jobId, taskDefinitionId, resultHash, number, signerIds, msg.sender);
        }
    }

    /// @dev Sums the signers' public keys and stakes, checking that the ids
    /// are strictly increasing active keepers.
    function _aggregate(uint256[] calldata signerIds, uint256 count)
        private
        view
        returns (bytes memory aggregateKey, uint256 signedStake)
    {
        if (signerIds.length == 0) revert NoSigners();
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
