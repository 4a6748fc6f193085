import Foundation

/// Comparing header names the way DUO's drifting headers need: case- and accent-insensitive,
/// ignoring spaces, `_`, `-` and `/`; and finding the closest one when none matches.
enum HeaderName {
    /// `text` lowercased, without accents (é to e), spaces, `_`, `-` and `/`.
    static func normalised(_ text: some StringProtocol) -> String {
        String(text).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .lowercased()
            .filter { !($0.isWhitespace || $0 == "_" || $0 == "-" || $0 == "/") }
    }

    /// The Levenshtein distance between two texts: insertions, deletions and substitutions.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// How close `alias` is to `header` (both normalised), smaller is closer; nil when too far
    /// apart to suggest. An alias inside the header (`bsn` in `bsnnummer`) or the header inside
    /// the alias beats any edit distance, the longer such alias first.
    static func closeness(of alias: String, to header: String) -> (Int, Int)? {
        if min(alias.count, header.count) >= 3, header.contains(alias) || alias.contains(header) {
            return (0, -alias.count)
        }
        let distance = editDistance(alias, header)
        return distance <= max(2, max(alias.count, header.count) / 3) ? (1, distance) : nil
    }
}
