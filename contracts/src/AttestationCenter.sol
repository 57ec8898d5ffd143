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
/// Under load the keepers sign batches instead (submitBatch): one aggregate
/// signature over the Merkle root of many tasks' verdicts, checked once for
/// all of them. Each task of a batch stays individually provable against the
/// batch's root (proveTask).
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
    /// @notice Domain separator of batch digests; Go's attestation.BatchDomain.
    bytes32 public constant BATCH_DOMAIN = keccak256("TriggerX.Batch.v1");
    /// @notice recordedIn's value for a task recorded by submitTask or
    /// submitTasks, outside any batch.
    uint256 public constant NOT_BATCHED = type(uint256).max;
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
    /// @notice The number of batches recorded; the n-th recorded batch is
    /// batch n.
    uint256 public batchCount;
    /// @notice Where a task's verdict was recorded: 0 if it was not,
    /// NOT_BATCHED if by submitTask or submitTasks, otherwise the (1-based)
    /// batch of submitBatch that recorded it.
    mapping(bytes32 taskId => uint256) public recordedIn;
    /// @notice The Merkle root of a batch's leaves; zero for no batch.
    mapping(uint256 batch => bytes32) public batchRoot;
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

    /// @notice What a keeper signs: the arguments of voteDigest. Also a
    /// leaf of a batch (submitBatch), whose tree node is its voteDigest.
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
    /// @notice A batch was recorded (submitBatch), after its tasks' events.
    /// @param batch The batch's number.
    /// @param root The Merkle root of its leaves.
    /// @param leaves Its number of leaves.
    /// @param recorded How many of them were recorded; the others were
    /// already recorded and skipped.
    /// @param aggregator The sender.
    event BatchSubmitted(uint256 indexed batch, bytes32 root, uint256 leaves, uint256 recorded, address aggregator);
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
    /// @notice The task id of leaves[index] is not greater than the one
    /// before it.
    error LeavesNotIncreasing(uint256 index);
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
        if (recordedIn[taskId] != 0) revert TaskAlreadySubmitted(taskId);
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
            if (recordedIn[s.taskId] != 0) {
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

    /// @notice Records the verdicts of a batch: keepers holding two thirds
    /// of the active stake signed, with one aggregate signature, the Merkle
    /// root of the leaves (a batch is signed as a whole, so it needs the
    /// approval quorum whatever its verdicts). Each leaf is recorded as
    /// submitTask records it, with the batch's signers, and recordedIn its
    /// task is this batch; a leaf whose task is already recorded is skipped
    /// with SubmissionSkipped. BatchSubmitted follows the tasks' events.
    /// @dev The tree's nodes are the leaves' voteDigests; a parent is
    /// keccak256 of its two children sorted (smaller first), and the last
    /// node of a level of odd length moves up unchanged, so one leaf is its
    /// own root. Go's attestation.MerkleRoot builds the same tree.
    /// @param leaves The verdicts, in strictly increasing task id order.
    /// @param signerIds The signing keepers' ids, strictly increasing.
    /// @param signature The 256-byte EIP-2537 aggregate signature of
    /// batchDigest(root, leaves.length).
    /// @return batch The batch's number.
    function submitBatch(Vote[] calldata leaves, uint256[] calldata signerIds, bytes calldata signature)
        external
        returns (uint256 batch)
    {
        uint256 n = leaves.length;
        if (n == 0) revert NoSubmissions();
        bytes32[] memory nodes = new bytes32[](n);
        bytes32 previous;
        for (uint256 i = 0; i < n; ++i) {
            Vote calldata leaf = leaves[i];
            bytes32 taskId = leaf.taskId;
            if (i != 0 && taskId <= previous) revert LeavesNotIncreasing(i);
            previous = taskId;
            nodes[i] = voteDigest(taskId, leaf.jobId, leaf.taskDefinitionId, leaf.resultHash, leaf.approve);
        }
        bytes32 root = _merkleRoot(nodes);
        bytes memory aggregateKey =
            _quorumKey(true, signerIds, keeperRegistry.totalStake(), keeperRegistry.keeperCount());
        if (!BLS12381.verify(aggregateKey, batchDigest(root, n), signature)) revert InvalidSignature();

        batch = ++batchCount;
        batchRoot[batch] = root;
        uint256 recorded = _recordBatch(leaves, signerIds, batch);
        emit BatchSubmitted(batch, root, n, recorded, msg.sender);
    }

    /// @notice Whether batch recorded the verdict leaf: its task was
    /// recorded by that batch and proof leads from voteDigest(leaf) to the
    /// batch's root. Any contract may call it to check one task's verdict.
    /// @param leaf The verdict.
    /// @param batch The batch that recorded it (recordedIn(leaf.taskId)).
    /// @param proof The sibling at each level of the tree where the leaf's
    /// branch has one, from the leaf up; Go's attestation.MerkleProof.
    /// @return True when the proof holds.
    function proveTask(Vote calldata leaf, uint256 batch, bytes32[] calldata proof) external view returns (bool) {
        if (batch == 0 || batch == NOT_BATCHED || recordedIn[leaf.taskId] != batch) return false;
        bytes32 node = _voteDigest(leaf);
        for (uint256 i = 0; i < proof.length; ++i) {
            node = _hashPair(node, proof[i]);
        }
        return node == batchRoot[batch];
    }

    /// @notice Whether a task's verdict was recorded, by any path.
    /// @param taskId The task.
    /// @return True when recordedIn(taskId) is not 0.
    function submitted(bytes32 taskId) external view returns (bool) {
        return recordedIn[taskId] != 0;
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
        returns (bytes32 digest)
    {
        bytes32 domain = VOTE_DOMAIN;
        // abi.encode in scratch memory past the free memory pointer, which
        // stays where it is: a batch hashes many leaves.
        assembly ("memory-safe") {
            let p := mload(0x40)
            mstore(p, domain)
            mstore(add(p, 0x20), chainid())
            mstore(add(p, 0x40), address())
            mstore(add(p, 0x60), taskId)
            mstore(add(p, 0x80), jobId)
            mstore(add(p, 0xa0), and(taskDefinitionId, 0xffff))
            mstore(add(p, 0xc0), resultHash)
            mstore(add(p, 0xe0), iszero(iszero(approve)))
            digest := keccak256(p, 0x100)
        }
    }

    /// @notice The message keepers BLS-sign for a batch:
    /// keccak256(abi.encode(BATCH_DOMAIN, chainid, this, root, leaves));
    /// Go's attestation.BatchDigest.
    /// @param root The Merkle root of the batch's leaves.
    /// @param leaves The batch's number of leaves.
    function batchDigest(bytes32 root, uint256 leaves) public view returns (bytes32) {
        return keccak256(abi.encode(BATCH_DOMAIN, block.chainid, address(this), root, leaves));
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

    /// @dev The root of the batch tree over nodes (at least one), computed in
    /// place: level by level, nodes[i] becomes the parent of nodes[2i] and
    /// nodes[2i + 1], and a level's odd last node moves up unchanged.
    function _merkleRoot(bytes32[] memory nodes) private pure returns (bytes32) {
        uint256 length = nodes.length;
        while (length > 1) {
            uint256 half = length / 2;
            for (uint256 i = 0; i < half; ++i) {
                nodes[i] = _hashPair(nodes[2 * i], nodes[2 * i + 1]);
            }
            if (length % 2 == 1) {
                nodes[half] = nodes[length - 1];
                ++half;
            }
            length = half;
        }
        return nodes[0];
    }

    /// @dev A parent node: keccak256 of the two children, smaller first.
    function _hashPair(bytes32 a, bytes32 b) private pure returns (bytes32 parent) {
        assembly ("memory-safe") {
            switch lt(a, b)
            case 0 {
                mstore(0x00, b)
                mstore(0x20, a)
            }
            default {
                mstore(0x00, a)
                mstore(0x20, b)
            }
            parent := keccak256(0x00, 0x40)
        }
    }

    /// @dev Records the leaves of batch not recorded yet, numbering them and
    /// emitting their events (SubmissionSkipped for the others); returns how
    /// many it recorded.
    function _recordBatch(Vote[] calldata leaves, uint256[] calldata signerIds, uint256 batch)
        private
        returns (uint256 recorded)
    {
        uint32 first = taskNumber;
        uint32 number = first;
        for (uint256 i = 0; i < leaves.length; ++i) {
            Vote calldata leaf = leaves[i];
            bytes32 taskId = leaf.taskId;
            if (recordedIn[taskId] != 0) {
                emit SubmissionSkipped(taskId);
                continue;
            }
            recordedIn[taskId] = batch;
            _emitVerdict(leaf, ++number, signerIds);
        }
        recorded = number - first;
        if (recorded != 0) taskNumber = number;
    }

    /// @dev Emits a batch leaf's TaskSubmitted or TaskRejected.
    function _emitVerdict(Vote calldata leaf, uint32 number, uint256[] calldata signerIds) private {
        if (leaf.approve) {
            emit TaskSubmitted(
                leaf.taskId, leaf.jobId, leaf.taskDefinitionId, leaf.resultHash, number, signerIds, msg.sender
            );
        } else {
            emit TaskRejected(
                leaf.taskId, leaf.jobId, leaf.taskDefinitionId, leaf.resultHash, number, signerIds, msg.sender
            );
        }
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
        recordedIn[taskId] = NOT_BATCHED;
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
