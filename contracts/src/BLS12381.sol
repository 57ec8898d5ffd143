// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/// @title BLS12381
/// @notice BLS signatures over BLS12-381 with public keys in G1 and signatures
/// in G2 (the Ethereum "minimal-pubkey-size" variant), built on the EIP-2537
/// precompiles available since the Prague fork, with SHA-256 (0x02) and
/// MODEXP (0x05) for hashing to the curve.
/// @dev Point encodings are those of EIP-2537: a base-field element is a
/// 64-byte big-endian word (16 zero bytes, then 48 bytes); a G1 point is x‖y
/// (128 bytes); a G2 point is x.c0‖x.c1‖y.c0‖y.c1 (256 bytes, real part
/// first). The point at infinity is all zeros.
///
/// Every function is internal, so the library is inlined into the contracts
/// that use it and needs no deployment or linking.
library BLS12381 {
    /// @notice A precompile call failed or returned an unexpected length.
    /// @param precompile The precompile's address.
    error PrecompileFailed(address precompile);
    /// @notice The domain separation tag is empty or longer than 255 bytes.
    error InvalidDstLength(uint256 length);
    /// @notice expand_message_xmd was asked for an unsupported output length.
    error InvalidExpandLength(uint256 length);
    /// @notice A point has the wrong encoded length.
    error InvalidPointLength(uint256 length, uint256 expected);

    /// @dev Big-integer modular exponentiation precompile (EIP-198).
    address internal constant MODEXP = address(0x05);
    /// @dev EIP-2537 BLS12_G1ADD.
    address internal constant G1ADD = address(0x0b);
    /// @dev EIP-2537 BLS12_G1MSM.
    address internal constant G1MSM = address(0x0c);
    /// @dev EIP-2537 BLS12_G2ADD.
    address internal constant G2ADD = address(0x0d);
    /// @dev EIP-2537 BLS12_G2MSM.
    address internal constant G2MSM = address(0x0e);
    /// @dev EIP-2537 BLS12_PAIRING_CHECK.
    address internal constant PAIRING_CHECK = address(0x0f);
    /// @dev EIP-2537 BLS12_MAP_FP2_TO_G2 (includes cofactor clearing).
    address internal constant MAP_FP2_TO_G2 = address(0x11);

    /// @notice Encoded lengths.
    uint256 internal constant G1_LENGTH = 128;
    uint256 internal constant G2_LENGTH = 256;

    /// @notice Domain separation tag of the Ethereum proof-of-possession
    /// ciphersuite, the one herumi's Ethereum mode and the consensus layer use.
    bytes internal constant ETH_DST = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_";

    /// @dev The negated G1 generator, -G1 = (x, p - y), EIP-2537 encoded.
    bytes internal constant NEG_G1_GENERATOR =
        hex"0000000000000000000000000000000017f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb"
        hex"00000000000000000000000000000000114d1d6855d545a8aa7d76c8cf2e21f267816aef1db507c96655b9d5caac42364e6f38ba0ecb751bad54dcd6b939c2ca";

    /// @dev The base-field modulus p, as the top 32 bytes and the low 16 bytes
    /// (left-aligned in a word) of its 48-byte big-endian encoding.
    uint256 private constant P_HIGH = 0x1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f624;
    uint256 private constant P_LOW = 0x1eabfffeb153ffffb9feffffffffaaab00000000000000000000000000000000;

    /// @notice Checks a BLS signature in the Ethereum ciphersuite
    /// (BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_) over a 32-byte message,
    /// signed as its raw bytes.
    /// @dev Computes e(-G1, sig) · e(pk, H(message)) == 1. The pairing
    /// precompile checks that both points are on their curves and in the
    /// prime-order subgroups. Returns false, rather than reverting, for a
    /// malformed key or signature; a failing precompile consumes the gas it was
    /// given, so a malformed signature is expensive for whoever submits it.
    /// @param pubkeyG1 The (aggregate) public key, 128 bytes.
    /// @param message The signed 32 bytes.
    /// @param sigG2 The (aggregate) signature, 256 bytes.
    /// @return True when the signature is valid.
    function verify(bytes memory pubkeyG1, bytes32 message, bytes memory sigG2) internal view returns (bool) {
        if (pubkeyG1.length != G1_LENGTH || sigG2.length != G2_LENGTH || isZero(pubkeyG1)) {
            return false;
        }
        bytes memory h = hashToG2(abi.encodePacked(message), ETH_DST);
        bytes memory input = abi.encodePacked(NEG_G1_GENERATOR, sigG2, pubkeyG1, h);
        address pairing = PAIRING_CHECK;
        uint256 result;
        bool ok;
        assembly ("memory-safe") {
            ok := staticcall(gas(), pairing, add(input, 32), mload(input), 0x00, 0x20)
            ok := and(ok, eq(returndatasize(), 0x20))
            result := mload(0x00)
        }
        return ok && result == 1;
    }

    /// @notice Checks n signatures at once: sigsG2[i] by pubkeysG1[i] over
    /// messages[i], each as verify checks it. True only if every one is
    /// valid (up to a 2^-127 chance per attempt, see below); false for
    /// mismatched lengths or any malformed key or signature.
    /// @dev Small-exponent batch verification: with weights r_i,
    /// e(-G1, Σ r_i·sig_i) · Π e(r_i·pk_i, H(m_i)) == 1, one pairing with
    /// n + 1 pairs instead of n with 2. The weights are 128-bit, odd (so
    /// nonzero), and derived by Fiat–Shamir from a hash of every key, message
    /// and signature, so they are fixed only after all inputs are: an invalid
    /// signature passes only if an adversary finds, by hashing, weights that
    /// cancel its error, about 2^127 hashes. Sound because every point is in
    /// the prime-order subgroup: G1MSM, G2MSM and the pairing check their
    /// inputs, and hash-to-G2 clears the cofactor. A single entry goes to
    /// verify.
    function verifyBatch(bytes[] memory pubkeysG1, bytes32[] memory messages, bytes[] memory sigsG2)
        internal
        view
        returns (bool)
    {
        uint256 n = messages.length;
        if (n == 0 || pubkeysG1.length != n || sigsG2.length != n) return false;
        if (n == 1) return verify(pubkeysG1[0], messages[0], sigsG2[0]);
        bytes32 seed = keccak256("TriggerX.BLS.batch.v1");
        for (uint256 i = 0; i < n; ++i) {
            bytes memory pk = pubkeysG1[i];
            if (pk.length != G1_LENGTH || sigsG2[i].length != G2_LENGTH || isZero(pk)) return false;
            seed = keccak256(abi.encodePacked(seed, pk, messages[i], sigsG2[i]));
        }
        // G2MSM input: n × (signature ‖ weight); pairing input: (-G1, Σ) and
        // n × (weight·key, H(message)).
        bytes memory msmInput = new bytes(n * (G2_LENGTH + 32));
        bytes memory pairingInput = new bytes((n + 1) * (G1_LENGTH + G2_LENGTH));
        for (uint256 i = 0; i < n; ++i) {
            uint256 r = uint256(uint128(uint256(keccak256(abi.encodePacked(seed, i))))) | 1;
            uint256 at = i * (G2_LENGTH + 32);
            _copy(msmInput, at, sigsG2[i]);
            assembly ("memory-safe") {
                mstore(add(add(msmInput, 32), add(at, 256)), r)
            }
            (bool ok, bytes memory weightedKey) = _tryPrecompile(G1MSM, abi.encodePacked(pubkeysG1[i], r), G1_LENGTH);
            if (!ok) return false;
            at = (i + 1) * (G1_LENGTH + G2_LENGTH);
            _copy(pairingInput, at, weightedKey);
            _copy(pairingInput, at + G1_LENGTH, hashToG2(abi.encodePacked(messages[i]), ETH_DST));
        }
        (bool msmOk, bytes memory sigSum) = _tryPrecompile(G2MSM, msmInput, G2_LENGTH);
        if (!msmOk) return false;
        _copy(pairingInput, 0, NEG_G1_GENERATOR);
        _copy(pairingInput, G1_LENGTH, sigSum);
        address pairing = PAIRING_CHECK;
        uint256 result;
        bool pairingOk;
        assembly ("memory-safe") {
            pairingOk := staticcall(gas(), pairing, add(pairingInput, 32), mload(pairingInput), 0x00, 0x20)
            pairingOk := and(pairingOk, eq(returndatasize(), 0x20))
            result := mload(0x00)
        }
        return pairingOk && result == 1;
    }

    /// @notice Adds two G1 points, e.g. to aggregate public keys.
    /// @param a A 128-byte G1 point.
    /// @param b A 128-byte G1 point.
    /// @return sum a + b, 128 bytes.
    function addG1(bytes memory a, bytes memory b) internal view returns (bytes memory sum) {
        if (a.length != G1_LENGTH) revert InvalidPointLength(a.length, G1_LENGTH);
        if (b.length != G1_LENGTH) revert InvalidPointLength(b.length, G1_LENGTH);
        return _precompile(G1ADD, abi.encodePacked(a, b), G1_LENGTH);
    }

    /// @notice Adds two G2 points.
    /// @param a A 256-byte G2 point.
    /// @param b A 256-byte G2 point.
    /// @return sum a + b, 256 bytes.
    function addG2(bytes memory a, bytes memory b) internal view returns (bytes memory sum) {
        if (a.length != G2_LENGTH) revert InvalidPointLength(a.length, G2_LENGTH);
        if (b.length != G2_LENGTH) revert InvalidPointLength(b.length, G2_LENGTH);
        return _precompile(G2ADD, abi.encodePacked(a, b), G2_LENGTH);
    }

    /// @notice Reports whether an encoded point is the point at infinity (all
    /// zero bytes).
    function isZero(bytes memory point) internal pure returns (bool zero) {
        zero = true;
        for (uint256 i = 0; i < point.length; i += 32) {
            bytes32 w;
            assembly ("memory-safe") {
                w := mload(add(add(point, 32), i))
            }
            // Mask off bytes past the end when the length is not a multiple of 32.
            uint256 rest = point.length - i;
            if (rest < 32) {
                w &= bytes32(~(type(uint256).max >> (rest * 8)));
            }
            if (w != bytes32(0)) return false;
        }
    }

    /// @notice RFC 9380 hash_to_curve for the suite
    /// BLS12381G2_XMD:SHA-256_SSWU_RO_.
    /// @dev hash_to_field with expand_message_xmd (SHA-256), count 2, L = 64;
    /// each 64-byte chunk is reduced mod p with MODEXP (exponent 1); each
    /// field element is mapped with MAP_FP2_TO_G2, which applies the SSWU map,
    /// the 3-isogeny and cofactor clearing; the two points are added.
    /// @param message The message to hash.
    /// @param dst The domain separation tag, 1 to 255 bytes.
    /// @return g2 The 256-byte G2 point.
    function hashToG2(bytes memory message, bytes memory dst) internal view returns (bytes memory g2) {
        (bytes memory u0, bytes memory u1) = hashToFieldFp2(message, dst);
        return addG2(_precompile(MAP_FP2_TO_G2, u0, G2_LENGTH), _precompile(MAP_FP2_TO_G2, u1, G2_LENGTH));
    }

    /// @notice RFC 9380 hash_to_field for Fp2 with count 2: two field
    /// elements, each 128 bytes (c0‖c1, each a 64-byte word), as
    /// MAP_FP2_TO_G2 takes them.
    function hashToFieldFp2(bytes memory message, bytes memory dst)
        internal
        view
        returns (bytes memory u0, bytes memory u1)
    {
        bytes memory uniform = expandMessageXmd(message, dst, 256);
        u0 = new bytes(128);
        u1 = new bytes(128);
        _reduce(uniform, 0, u0, 0);
        _reduce(uniform, 64, u0, 64);
        _reduce(uniform, 128, u1, 0);
        _reduce(uniform, 192, u1, 64);
    }

    /// @notice RFC 9380 expand_message_xmd with SHA-256.
    /// @param message The message.
    /// @param dst The domain separation tag, 1 to 255 bytes.
    /// @param lenInBytes The output length, 1 to 8160 bytes (ell ≤ 255).
    /// @return out lenInBytes uniform bytes.
    function expandMessageXmd(bytes memory message, bytes memory dst, uint256 lenInBytes)
        internal
        pure
        returns (bytes memory out)
    {
        if (dst.length == 0 || dst.length > 255) revert InvalidDstLength(dst.length);
        uint256 ell = (lenInBytes + 31) / 32;
        if (lenInBytes == 0 || ell > 255) revert InvalidExpandLength(lenInBytes);

        bytes memory dstPrime = abi.encodePacked(dst, uint8(dst.length));
        // msg_prime = Z_pad(64) ‖ msg ‖ I2OSP(len, 2) ‖ I2OSP(0, 1) ‖ DST_prime
        bytes32 b0 =
            sha256(abi.encodePacked(bytes32(0), bytes32(0), message, uint16(lenInBytes), uint8(0), dstPrime));
        bytes32 bi = sha256(abi.encodePacked(b0, uint8(1), dstPrime));

        out = new bytes(ell * 32);
        assembly ("memory-safe") {
            mstore(add(out, 32), bi)
        }
        for (uint256 i = 2; i <= ell; ++i) {
            bi = sha256(abi.encodePacked(b0 ^ bi, uint8(i), dstPrime));
            assembly ("memory-safe") {
                mstore(add(out, mul(32, i)), bi)
            }
        }
        // Truncate to lenInBytes; the bytes past it stay allocated.
        assembly ("memory-safe") {
            mstore(out, lenInBytes)
        }
    }

    /// @dev Reduces the 64-byte big-endian integer at src[srcOffset:] mod p
    /// and writes it as a 64-byte word (16 zero bytes, 48 bytes) at
    /// dst[dstOffset:]. dst's first 16 bytes there must already be zero.
    function _reduce(bytes memory src, uint256 srcOffset, bytes memory dst, uint256 dstOffset) private view {
        address modexp = MODEXP;
        bool ok;
        assembly ("memory-safe") {
            // MODEXP input: len(B)=64 ‖ len(E)=1 ‖ len(M)=48 ‖ B ‖ E=1 ‖ M=p,
            // assembled in scratch memory past the free memory pointer.
            let ptr := mload(0x40)
            mstore(ptr, 64)
            mstore(add(ptr, 32), 1)
            mstore(add(ptr, 64), 48)
            let from := add(add(src, 32), srcOffset)
            mstore(add(ptr, 96), mload(from))
            mstore(add(ptr, 128), mload(add(from, 32)))
            mstore8(add(ptr, 160), 1)
            mstore(add(ptr, 161), P_HIGH)
            mstore(add(ptr, 193), P_LOW)
            ok := staticcall(gas(), modexp, ptr, 209, add(add(add(dst, 32), dstOffset), 16), 48)
            ok := and(ok, eq(returndatasize(), 48))
        }
        if (!ok) revert PrecompileFailed(MODEXP);
    }

    /// @dev Like _precompile, but reports failure (e.g. a point off the curve
    /// or outside the subgroup) instead of reverting.
    function _tryPrecompile(address precompile, bytes memory input, uint256 outLength)
        private
        view
        returns (bool ok, bytes memory out)
    {
        out = new bytes(outLength);
        assembly ("memory-safe") {
            ok := staticcall(gas(), precompile, add(input, 32), mload(input), add(out, 32), outLength)
            ok := and(ok, eq(returndatasize(), outLength))
        }
    }

    /// @dev Copies src into dst from byte offset on; dst must be long enough.
    function _copy(bytes memory dst, uint256 offset, bytes memory src) private pure {
        assembly ("memory-safe") {
            mcopy(add(add(dst, 32), offset), add(src, 32), mload(src))
        }
    }

    /// @dev Calls a precompile and requires exactly outLength bytes back.
    function _precompile(address precompile, bytes memory input, uint256 outLength)
        private
        view
        returns (bytes memory out)
    {
        out = new bytes(outLength);
        bool ok;
        assembly ("memory-safe") {
            ok := staticcall(gas(), precompile, add(input, 32), mload(input), add(out, 32), outLength)
            // A chain without the precompile returns success and no data.
            ok := and(ok, eq(returndatasize(), outLength))
        }
        if (!ok) revert PrecompileFailed(precompile);
    }
}
