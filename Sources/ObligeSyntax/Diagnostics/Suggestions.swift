/// "Did you mean" hints: the known name closest to a misspelt one.
public enum Suggestions {
    /// The candidate closest to `name` by edit distance (with transpositions), if it is close
    /// enough to be a plausible typo: at most a third of the name's length, and never zero.
    ///
    /// Ties are broken alphabetically, so the hint is deterministic.
    public static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(name.lowercased().unicodeScalars)
        let budget = max(1, min(3, target.count / 3))
        var best: (distance: Int, name: String)?
        for candidate in candidates where candidate != name {
            let scalars = Array(candidate.lowercased().unicodeScalars)
            if abs(scalars.count - target.count) > budget { continue }
            let distance = editDistance(target, scalars, limit: budget)
            guard distance <= budget else { continue }
            if let current = best, (current.distance, current.name) <= (distance, candidate) { continue }
            best = (distance, candidate)
        }
        if let best { return best.name }
        // A dotted path whose last part is right but whose prefix is wrong: suggest by last part.
        if let lastDot = name.lastIndex(of: ".") {
            let leaf = name[name.index(after: lastDot)...]
            let matches = candidates.filter { $0.hasSuffix("." + leaf) }
            if matches.count == 1 { return matches[0] }
        }
        return nil
    }

    /// Optimal string alignment distance, stopping early once every path exceeds `limit`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return rowMinimum }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
