extension Evaluation {
    /// Prohibitions that apply on the evaluation date: these fail the gate.
    public var applyingProhibitions: [Outcome] {
        outcomes.filter { $0.status == .applies && rulebook.rules[$0.rule].kind == .prohibition }
    }
}
