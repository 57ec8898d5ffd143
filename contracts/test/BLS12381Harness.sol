// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {BLS12381} from "../src/BLS12381.sol";

/// @title BLS12381Harness
/// @notice Test-only: exposes the BLS12381 library's internal functions.
contract BLS12381Harness {
    function expandMessageXmd(bytes calldata message, bytes calldata dst, uint256 lenInBytes)
        external
        pure
        returns (bytes memory)
    {
        return BLS12381.expandMessageXmd(message, dst, lenInBytes);
    }

    function hashToFieldFp2(bytes calldata message, bytes calldata dst)
        external
        view
        returns (bytes memory u0, bytes memory u1)
    {
        return BLS12381.hashToFieldFp2(message, dst);
    }

    function hashToG2(bytes calldata message, bytes calldata dst) external view returns (bytes memory) {
        return BLS12381.hashToG2(message, dst);
    }

    function verify(bytes calldata pubkeyG1, bytes32 message, bytes calldata sigG2) external view returns (bool) {
        return BLS12381.verify(pubkeyG1, message, sigG2);
    }

    function verifyBatch(bytes[] calldata pubkeysG1, bytes32[] calldata messages, bytes[] calldata sigsG2)
        external
        view
        returns (bool)
    {
        return BLS12381.verifyBatch(pubkeysG1, messages, sigsG2);
    }

    function addG1(bytes calldata a, bytes calldata b) external view returns (bytes memory) {
        return BLS12381.addG1(a, b);
    }

    /// @notice Gas spent by verify, for reports.
    function verifyGas(bytes calldata pubkeyG1, bytes32 message, bytes calldata sigG2)
        external
        view
        returns (bool ok, uint256 gasUsed)
    {
        uint256 start = gasleft();
        ok = BLS12381.verify(pubkeyG1, message, sigG2);
        gasUsed = start - gasleft();
    }
}
