/// A small seeded generator (SplitMix64) so every property test prints its seed and reproduces.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator starting at `seed`.
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A seed from the environment variable `KIJKGLAS_SEED`, else a fresh random one.
    public static func seedFromEnvironment() -> UInt64 {
        if let text = getenvString("KIJKGLAS_SEED"), let seed = UInt64(text) { return seed }
        return UInt64.random(in: 1...UInt64.max)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private func getenvString(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
}
