import Oblige
import ObligeSyntax

/// SARIF 2.1.0 for code-scanning tools: one rule descriptor per rule that concerns the subject,
/// one result per gate issue (a finding or compliance entry that needs action), located at the
/// manifest line of the fact that decided it.
///
/// Levels follow the kind of problem: a prohibited practice or an expired waiver is an
/// `error`; an unacknowledged obligation or an unmet duty a `warning`; an undetermined or
/// upcoming obligation and a stale entry a `note`. Whether an issue fails the gate is in the
/// result's `properties.failsGate`; the exit code carries the verdict.
public struct SARIFReportRenderer: ReportRenderer {
    public init() {}

    public func render(_ report: Report) -> String {
        let issues = report.subjects.flatMap { evaluation, gate in gate.issues.map { (evaluation, $0) } }
        // One descriptor per rule that concerns a subject (it applies, may apply, is upcoming or
        // exempt, or has an issue), in rulebook order; results point at them by position.
        var concerned = Set(issues.map(\.1.rule))
        for evaluation in report.evaluations {
            for outcome in evaluation.outcomes where ![.notApplicable, .notInForce].contains(outcome.status) {
                concerned.insert(outcome.rule)
            }
        }
        let ruleOrder = concerned.sorted()
        let positions = Dictionary(uniqueKeysWithValues: ruleOrder.enumerated().map { ($1, $0) })
        let descriptors = report.evaluations.first.map { evaluation in
            ruleOrder.map { descriptor(evaluation.rulebook.rules[$0], in: evaluation.rulebook) }
        } ?? []
        let results = issues.map { evaluation, issue in
            result(issue, position: positions[issue.rule] ?? 0, in: evaluation)
        }
        return JSONValue.object([
            "$schema": .string("https://json.schemastore.org/sarif-2.1.0.json"),
            "version": .string("2.1.0"),
            "runs": .array([.object([
                "tool": .object(["driver": .object([
                    "name": .string("oblige"),
                    "version": .string(ObligeVersion.current),
                    "semanticVersion": .string(ObligeVersion.current),
                    "rules": .array(descriptors),
                ])]),
                "invocations": .array([.object([
                    "executionSuccessful": .bool(true),
                    "properties": .object([
                        "asOf": .string(report.asOf.description),
                        "failOn": .string(report.policy.description),
                        "gatePassed": .bool(report.passed),
                    ]),
                ])]),
                "results": .array(results),
            ])]),
        ]).rendered()
    }

    private func descriptor(_ rule: Rule, in rulebook: Rulebook) -> JSONValue {
        let instrument = rulebook.instruments[rule.instrument]
        return .object([
            "id": .string(rule.id),
            "name": .string(Self.pascalCase(rule.title)),
            "shortDescription": .object(["text": .string("\(instrument.shortName) \(rule.article) — \(rule.title)")]),
            "fullDescription": .object(["text": .string(rule.summary)]),
            "helpUri": .string(rule.url),
            "help": .object(["text": .string(
                "\(rule.summary) Addressee: \(rule.addressee). Source: \(instrument.title), \(instrument.reference), "
                + "\(rule.article) (\(rule.url)).")]),
            "defaultConfiguration": .object(["level": .string(rule.kind == .prohibition ? "error" : "warning")]),
            "properties": .object([
                "instrument": .string(instrument.shortName),
                "article": .string(rule.article),
                "kind": .string(rule.kind.rawValue),
                "confidence": .string(rule.confidence.rawValue),
                "tags": .array([.string("legal"), .string(instrument.pack), .string(rule.kind.rawValue)]),
            ]),
        ])
    }

    private func result(_ issue: GateIssue, position: Int, in evaluation: Evaluation) -> JSONValue {
        let rule = evaluation.rulebook.rules[issue.rule]
        let location = issue.entry.map(\.location)
            ?? issue.outcome.map { evaluation.decidingLocation(of: evaluation.outcomes[$0]) }
            ?? evaluation.facts.location
        let item = issue.outcome.flatMap { evaluation.itemLabel(of: evaluation.outcomes[$0]) } ?? issue.entry?.item
        var properties: JSONObject = [
            "gateReason": .string(issue.reason.rawValue),
            "failsGate": .bool(issue.failsGate),
        ]
        if let item { properties["item"] = .string(item) }
        var fingerprint = "\(rule.id)|\(item ?? "")|\(issue.reason.rawValue)"
        if let key = issue.entry?.key { fingerprint += "|\(key)" }
        return .object([
            "ruleId": .string(rule.id),
            "ruleIndex": .integer(Int64(position)),
            "level": .string(Self.level(issue.reason)),
            "message": .object(["text": .string(issue.message + ". See \(rule.url)")]),
            "locations": .array([.object(["physicalLocation": .object([
                "artifactLocation": .object(["uri": .string(Self.uri(location.file))]),
                "region": .object([
                    "startLine": .integer(Int64(location.line)),
                    "startColumn": .integer(Int64(location.column)),
                ]),
            ])])]),
            "partialFingerprints": .object(["obligeFinding/v1": .string(fingerprint)]),
            "properties": .object(properties),
        ])
    }

    static func level(_ reason: GateReason) -> String {
        switch reason {
        case .prohibited, .expiredWaiver: "error"
        case .unacknowledged, .gap: "warning"
        case .undetermined, .upcoming, .stale: "note"
        }
    }

    /// A relative path as a URI reference: characters outside the unreserved set and `/` are
    /// percent-encoded.
    static func uri(_ path: String) -> String {
        var output = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"), UInt8(ascii: "/"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF")
                output += "%\(digits[Int(byte >> 4)])\(digits[Int(byte & 0x0F)])"
            }
        }
        return output
    }

    /// `Notice and action mechanism` → `NoticeAndActionMechanism` (SARIF's rule `name`).
    static func pascalCase(_ title: String) -> String {
        title.split { !$0.isLetter && !$0.isNumber }.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
