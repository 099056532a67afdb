public import Oblige
import ObligeSyntax

/// The `oblige.report/1` JSON report: the contract other tools read (documented in docs/report-json.md).
public struct JSONReportRenderer: ReportRenderer {
    public static let schema = "oblige.report/1"

    /// Include each finding's full condition trace.
    public var includeTraces: Bool

    public init(includeTraces: Bool = true) {
        self.includeTraces = includeTraces
    }

    public func render(_ report: Report) -> String {
        JSONValue.object([
            "schema": .string(Self.schema),
            "as_of": .string(report.asOf.description),
            "gate": .object(["policy": .string(report.policy.description), "passed": .bool(report.passed)]),
            "subjects": .array(report.subjects.map(subject)),
        ]).rendered()
    }

    func subject(_ evaluation: Evaluation, gate: GateResult) -> JSONValue {
        let counts = evaluation.statusCounts
        var summary: JSONObject = [:]
        for status in FindingStatus.allCases { summary[status.rawValue] = .integer(Int64(counts[status] ?? 0)) }
        summary["gaps"] = .integer(Int64(evaluation.outcomes.filter(\.isGap).count))
        return .object([
            "manifest": .string(evaluation.facts.file),
            "name": .optional(evaluation.facts.name),
            "summary": .object(summary),
            "classifications": .array(evaluation.classifications.map { classification($0, in: evaluation) }),
            "findings": .array(evaluation.outcomes.indices.map { finding($0, in: evaluation, gate: gate) }),
            "gate": .object([
                "passed": .bool(gate.passed),
                "issues": .array(gate.issues.map { issue($0, in: evaluation) }),
            ]),
            "questions": .array(evaluation.questions().map { question($0, in: evaluation) }),
            "predicates": includeTraces ? .array(evaluation.predicateTraces().map { entry in
                .object([
                    "name": .string(entry.name),
                    "item": .optional(entry.item),
                    "value": entry.trace.value.map { .string($0.description) } ?? .null,
                    "trace": Self.node(entry.trace),
                ])
            }) : .null,
            "assumptions": .array(evaluation.presumptionsUsed().map { fact in
                .object([
                    "fact": .string(fact.path),
                    "value": fact.value.map(Self.value) ?? .null,
                    "reason": .string(fact.declaration.presumed?.reason ?? ""),
                ])
            }),
        ])
    }

    func finding(_ index: Int, in evaluation: Evaluation, gate: GateResult) -> JSONValue {
        let outcome = evaluation.outcomes[index]
        let rule = evaluation.rule(of: outcome)
        let instrument = evaluation.instrument(of: outcome)
        var members: JSONObject = [
            "rule": .string(rule.id),
            "title": .string(rule.title),
            "instrument": Self.instrument(instrument, on: evaluation.asOf),
            "article": .string(rule.article),
            "url": .string(rule.url),
            "kind": .string(rule.kind.rawValue),
            "addressee": .string(rule.addressee),
            "status": .string(outcome.status.rawValue),
            "condition_status": .string(outcome.conditionStatus.rawValue),
            "applies_from": .optional(outcome.appliesFrom?.description),
            "applies_until": .optional(outcome.appliesUntil?.description),
            "summary": .string(rule.summary),
            "confidence": .string(rule.confidence.rawValue),
            "note": .optional(rule.note),
            "draft": .optional(rule.draft),
            "transparency": rule.transparency.map(Self.transparency) ?? .null,
            "exemption": outcome.exemption.map { Self.exemption(rule.exemptions[$0]) } ?? .null,
            "scope": scope(outcome, in: evaluation),
            "met": outcome.met.map { $0 == .unknown ? .null : .bool($0 == .yes) } ?? .null,
            "assessment": outcome.met.map { .string(Self.assessment($0)) } ?? .null,
            "gap": .bool(outcome.isGap),
            "gap_description": outcome.isGap ? .optional(rule.gap) : .null,
            "guidance": .optional(rule.guidance),
            "compliance": gate.entries[index].map(Self.entry) ?? .null,
            "gate_issue": gate.issue(forOutcome: index).map { .string($0.reason.rawValue) } ?? .null,
            "missing_facts": .array(evaluation.missingFacts(of: outcome).map { reference in
                let traced = evaluation.traced(reference)
                return .object(["fact": .string(traced.path), "question": .string(traced.declaration.question)])
            }),
        ]
        if includeTraces {
            let trace = evaluation.trace(of: outcome, expandingPredicates: false)
            members["trace"] = .object([
                "when": Self.node(trace.when),
                "exemptions": .array(trace.exemptions.map(Self.node)),
                "dates": .array(trace.dates.map(Self.node)),
                "met": trace.met.map(Self.node) ?? .null,
            ])
        } else {
            members["trace"] = JSONValue.null
        }
        return .object(members)
    }

    private func classification(_ outcome: ClassificationOutcome, in evaluation: Evaluation) -> JSONValue {
        let classification = evaluation.rulebook.classifications[outcome.classification]
        return .object([
            "id": .string(classification.id),
            "title": .string(classification.title),
            "value": .optional(evaluation.label(of: outcome)),
            "article": .optional(outcome.value.flatMap { classification.values[$0].article }),
            "status": .string(outcome.value != nil ? "determined" : (outcome.isUndetermined ? "undetermined" : "none")),
            "item": .optional(evaluation.itemLabel(of: outcome)),
            "missing_facts": .array(evaluation.missingFacts(of: outcome).map { .string(evaluation.path(of: $0)) }),
        ])
    }

    private func scope(_ outcome: Outcome, in evaluation: Evaluation) -> JSONValue {
        guard let item = outcome.item, let collection = evaluation.rule(of: outcome).collection else { return .null }
        return .object([
            "collection": .string(evaluation.rulebook.vocabulary.collections[collection].name),
            "index": .integer(Int64(item)),
            "label": .string(evaluation.facts.label(ofItem: item, in: collection)),
        ])
    }

    private func question(_ question: Question, in evaluation: Evaluation) -> JSONValue {
        .object([
            "fact": .string(question.path),
            "question": .string(question.question),
            "item": .optional(question.itemLabel),
            "type": .string(question.declaration.type.description),
            "values": question.declaration.type.domain.map { .array($0.values.map(JSONValue.string)) } ?? .null,
            "decides": .array(question.decides.map { index in
                let outcome = evaluation.outcomes[index]
                var id = evaluation.rule(of: outcome).id
                if let label = evaluation.itemLabel(of: outcome) { id += "[\(label)]" }
                return .string(id)
            }),
        ])
    }

    private func issue(_ issue: GateIssue, in evaluation: Evaluation) -> JSONValue {
        let outcome = issue.outcome.map { evaluation.outcomes[$0] }
        return .object([
            "reason": .string(issue.reason.rawValue),
            "fails_gate": .bool(issue.failsGate),
            "message": .string(issue.message),
            "rule": .optional(outcome.map { evaluation.rule(of: $0).id } ?? issue.entry.map { evaluation.rulebook.rules[$0.rule].id }),
            "item": .optional(outcome.flatMap(evaluation.itemLabel(of:)) ?? issue.entry?.item),
            "compliance_key": .optional(issue.entry?.key),
            "location": .string((issue.entry?.location ?? outcome.map { evaluation.decidingLocation(of: $0) } ?? evaluation.facts.location).description),
        ])
    }

    static func entry(_ entry: ComplianceEntry) -> JSONValue {
        .object([
            "key": .string(entry.key),
            "status": .string(entry.status.rawValue),
            "evidence": .optional(entry.evidence),
            "owner": .optional(entry.owner),
            "justification": .optional(entry.justification),
            "expires": .optional(entry.expires?.description),
            "note": .optional(entry.note),
            "location": .string(entry.location.description),
        ])
    }

    static func instrument(_ instrument: Instrument, on date: CivilDate) -> JSONValue {
        .object([
            "pack": .string(instrument.pack),
            "title": .string(instrument.title),
            "short_name": .string(instrument.shortName),
            "reference": .string(instrument.reference),
            "url": .string(instrument.url),
            "status": .string(instrument.status(on: date).rawValue),
        ])
    }

    /// How a duty with `met_when` is assessed: `met`, `not_met`, or `open` while facts are missing.
    static func assessment(_ met: Truth) -> String {
        switch met {
        case .yes: "met"
        case .no: "not_met"
        case .unknown: "open"
        }
    }

    static func transparency(_ transparency: Transparency) -> JSONValue {
        .object([
            "audience": .array(transparency.audience.map { .string($0.rawValue) }),
            "what": .string(transparency.what),
            "when": .optional(transparency.when),
        ])
    }

    static func exemption(_ exemption: Exemption) -> JSONValue {
        .object([
            "article": .optional(exemption.article),
            "summary": .optional(exemption.summary),
            "condition": .string(exemption.text),
        ])
    }

    static func node(_ node: TraceNode) -> JSONValue {
        var members: JSONObject = [
            "text": .string(node.text),
            "location": .string(node.location.description),
            "value": node.value.map { .string($0.description) } ?? .null,
            "children": .array(node.children.map(Self.node)),
        ]
        switch node.role {
        case .predicate(let name): members["predicate"] = .string(name)
        case .item(let label): members["item"] = .string(label)
        case .condition: break
        }
        if !node.facts.isEmpty {
            members["facts"] = .array(node.facts.map { fact in
                .object([
                    "fact": .string(fact.path),
                    "value": fact.value.map(value) ?? .null,
                    "location": .optional(fact.location?.description),
                    "presumed": .bool(fact.isPresumed),
                ])
            })
        }
        if !node.parameters.isEmpty {
            members["parameters"] = .array(node.parameters.map { parameter in
                .object(["name": .string(parameter.name), "value": parameter.value.map(value) ?? .null])
            })
        }
        return .object(members)
    }

    /// A fact value as JSON: booleans and numbers as such, sets as arrays, the rest as strings.
    public static func value(_ value: FactValue) -> JSONValue {
        switch value {
        case .bool(let flag): .bool(flag)
        case .integer(let integer): .integer(integer)
        case .number(let number): .number(number)
        case .string(let text), .enumCase(let text): .string(text)
        case .set(let values): .array(values.map(JSONValue.string))
        case .date(let date): .string(date.description)
        }
    }
}
