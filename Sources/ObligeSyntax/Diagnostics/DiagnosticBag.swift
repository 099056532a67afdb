/// Collects diagnostics from a pass that keeps going after the first problem.
///
/// Sorting and capping happen when the diagnostics are read, so passes can add in any order.
public struct DiagnosticBag: Sendable {
    /// How many errors are kept before the rest are summarised in one line.
    public var errorLimit: Int
    private var storage: [Diagnostic] = []

    public init(errorLimit: Int = 100) {
        self.errorLimit = errorLimit
    }

    public mutating func add(_ diagnostic: Diagnostic) {
        storage.append(diagnostic)
    }

    public mutating func add(contentsOf diagnostics: some Sequence<Diagnostic>) {
        storage.append(contentsOf: diagnostics)
    }

    public var hasErrors: Bool { storage.contains(where: \.isError) }
    public var isEmpty: Bool { storage.isEmpty }
    public var errorCount: Int { storage.lazy.filter(\.isError).count }

    /// The diagnostics, sorted and de-duplicated, with errors beyond ``errorLimit`` replaced by a summary.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        let unique = storage.filter { seen.insert($0).inserted }.sorted()
        var kept: [Diagnostic] = []
        var errors = 0
        var dropped = 0
        for diagnostic in unique {
            if diagnostic.isError {
                errors += 1
                if errors > errorLimit {
                    dropped += 1
                    continue
                }
            }
            kept.append(diagnostic)
        }
        if dropped > 0 {
            kept.append(.error(
                "diagnostics.too-many",
                "\(dropped) more error\(dropped == 1 ? "" : "s") not shown (limit \(errorLimit))",
                at: nil))
        }
        return kept
    }
}

/// Thrown where work cannot continue; carries every diagnostic collected so far.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
