// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/// @title JobRegistry
/// @notice Users register automation jobs here. A job fixes its kind (task
/// definition), the contract it calls and a commitment to its action (Go's
/// attestation.Action.Hash), so no coordinator can later change what it does.
/// Job ids are 1, 2, 3, … in creation order.
contract JobRegistry {
    /// @notice Task definition ids, as in Go's attestation.TaskDefinitionID.
    uint16 public constant MIN_TASK_DEFINITION = 1;
    uint16 public constant MAX_TASK_DEFINITION = 7;
    /// @notice The custom-script kind, the only one that may leave target
    /// unset (the script then chooses the contract to call).
    uint16 public constant CUSTOM_SCRIPT = 7;

    struct Job {
        address owner;
        uint16 taskDefinitionId;
        bool active;
        address target;
        bytes32 specHash;
    }

    /// @notice The number of jobs ever created (the highest id).
    uint256 public jobCount;

    mapping(uint256 jobId => Job) private _jobs;

    /// @notice A job was created.
    event JobCreated(
        uint256 indexed jobId, address indexed owner, uint16 taskDefinitionId, address target, bytes32 specHash
    );
    /// @notice A job was deleted by its owner.
    event JobDeleted(uint256 indexed jobId, address indexed owner);

    /// @notice The task definition id is not in 1..7.
    error InvalidTaskDefinition(uint16 taskDefinitionId);
    /// @notice Only custom-script jobs may have no target.
    error ZeroTarget();
    /// @notice No job has this id.
    error UnknownJob(uint256 jobId);
    /// @notice The caller does not own the job.
    error NotJobOwner(uint256 jobId, address caller);
    /// @notice The job was already deleted.
    error JobInactive(uint256 jobId);

    /// @notice Creates a job owned by the caller.
    /// @param taskDefinitionId The kind of job, 1..7.
    /// @param target The contract the job calls; zero only for kind 7.
    /// @param specHash The commitment to the job's action and trigger: keccak256(JOB_DOMAIN, actionHash, triggerHash) as computed off-chain (attestation.JobCommitment).
    /// @return jobId The new job's id.
    function createJob(uint16 taskDefinitionId, address target, bytes32 specHash) external returns (uint256 jobId) {
        if (taskDefinitionId < MIN_TASK_DEFINITION || taskDefinitionId > MAX_TASK_DEFINITION) {
            revert InvalidTaskDefinition(taskDefinitionId);
        }
        if (target == address(0) && taskDefinitionId != CUSTOM_SCRIPT) revert ZeroTarget();
        jobId = ++jobCount;
        _jobs[jobId] = Job({
            owner: msg.sender,
            taskDefinitionId: taskDefinitionId,
            active: true,
            target: target,
            specHash: specHash
        });
        emit JobCreated(jobId, msg.sender, taskDefinitionId, target, specHash);
    }

    /// @notice One job. An unknown id reads as all zeros (owner zero, not
    /// active) rather than reverting.
    function getJob(uint256 jobId)
        external
        view
        returns (address owner, uint16 taskDefinitionId, address target, bytes32 specHash, bool active)
    {
        Job storage j = _jobs[jobId];
        return (j.owner, j.taskDefinitionId, j.target, j.specHash, j.active);
    }

    /// @notice Deletes (deactivates) a job; only its owner may.
    function deleteJob(uint256 jobId) external {
        Job storage j = _jobs[jobId];
        if (j.owner == address(0)) revert UnknownJob(jobId);
        if (j.owner != msg.sender) revert NotJobOwner(jobId, msg.sender);
        if (!j.active) revert JobInactive(jobId);
        j.active = false;
        emit JobDeleted(jobId, msg.sender);
    }
}
