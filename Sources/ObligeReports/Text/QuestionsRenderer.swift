public import Oblige

/// `oblige questions`: the facts still missing, most decisive first, each with its question.
public struct QuestionsRenderer: Sendable {
    public init() {}

    public func render(_ evaluation: Evaluation) -> String {
        let questions = evaluation.questions()
        guard !questions.isEmpty else {
            return "\(evaluation.facts.file): nothing is undetermined; no questions.\n"
        }
        var lines = ["\(evaluation.facts.file): \(plural(questions.count, "question")), most decisive first", ""]
        for (number, question) in questions.enumerated() {
            let item = question.itemLabel.map { " (for \($0))" } ?? ""
            lines.append("\(number + 1). \(question.question)\(item)")
            var answer = "   answer with: \(question.path) (\(question.declaration.type)"
            if let domain = question.declaration.type.domain {
                answer += ": " + domain.values.joined(separator: ", ")
            }
            if let unit = question.declaration.unit { answer += "; unit: \(unit)" }
            answer += ")"
            lines.append(answer)
            let decided = question.decides.map { index -> String in
                let outcome = evaluation.outcomes[index]
                var id = evaluation.rule(of: outcome).id
                if let label = evaluation.itemLabel(of: outcome) { id += "[\(label)]" }
                return id
            }
            lines.append("   decides \(plural(decided.count, "finding")): \(decided.joined(separator: ", "))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
