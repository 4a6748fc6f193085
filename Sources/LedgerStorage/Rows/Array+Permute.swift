extension Array {
    /// Reorders the elements in place so that position `i` holds the element that was at
    /// `sources[i]` (`sources` a permutation of the indices): each element is moved once, along
    /// the permutation's cycles, none copied.
    mutating func permute(takingFrom sources: [Int]) {
        precondition(sources.count == count, "one source per element")
        var placed = [Bool](repeating: false, count: count)
        withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for start in sources.indices where !placed[start] {
                placed[start] = true
                guard sources[start] != start else { continue }
                let held = (base + start).move()
                var target = start
                while sources[target] != start {
                    let source = sources[target]
                    precondition(!placed[source], "sources is a permutation")
                    (base + target).moveInitialize(from: base + source, count: 1)
                    placed[source] = true
                    target = source
                }
                (base + target).initialize(to: held)
            }
        }
    }
}
