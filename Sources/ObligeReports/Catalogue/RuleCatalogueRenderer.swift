public import Oblige
import ObligeSyntax

/// `oblige rules`: the catalogue of every rule in the rulebook, by instrument, with its
/// citation, kind, addressee, application date, confidence and the authors' note — what a
/// legal team reviews to trust (or correct) the packs.
public struct RuleCatalogueRenderer: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown, json
    }

    public let format: Format

    public init(format: Format) {
        self.format = format
    }

    public func render(_ rulebook: Rulebook, on date: CivilDate) -> String {
        switch format {
        case .text: text(rulebook, on: date)
        case .markdown: markdown(rulebook, on: date)
        case .json: json(rulebook, on: date)
        }
    }

    /// `from 2024-02-17`, `from service.designation_notified_on + 4 months`, `until …`.
    static func dates(_ rule: Rule, _ instrument: Instrument) -> String {
        var parts: [String] = []
        if let from = rule.constantAppliesFrom?.description ?? rule.appliesFromText ?? instrument.appliesFrom?.description {
            parts.append("from \(from)")
        }
        if let until = rule.appliesUntilText { parts.append("until \(until)") }
        return parts.joined(separator: ", ")
    }

    private func groups(_ rulebook: Rulebook) -> [(Instrument, [Rule])] {
        rulebook.instruments.enumerated().map { index, instrument in
            (instrument, rulebook.rules.filter { $0.instrument == index })
        }.filter { !$0.1.isEmpty }
    }

    private func text(_ rulebook: Rulebook, on date: CivilDate) -> String {
        var lines: [String] = []
        for (instrument, rules) in groups(rulebook) {
            lines.append("\(instrument.title) — \(instrument.reference) [\(instrument.status(on: date).rawValue.replacingUnderscores())] (\(rules.count) rules)")
            for rule in rules {
                let confidence = rule.confidence == .high ? "" : " {confidence: \(rule.confidence.rawValue)}"
                lines.append("  \(rule.article) — \(rule.title) (\(rule.id)) · \(rule.kind.rawValue.replacingUnderscores()) · "
                             + "\(Self.dates(rule, instrument))\(confidence)")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    private func markdown(_ rulebook: Rulebook, on date: CivilDate) -> String {
        var lines = ["# Oblige rule catalogue", "",
                     "Every rule of the rule packs, as of \(date), with Oblige \(ObligeVersion.current). "
                     + "Summaries are the pack authors' words; follow each link for the official text.", ""]
        for (instrument, rules) in groups(rulebook) {
            lines.append("## [\(MarkdownReportRenderer.inline(instrument.title))](\(instrument.url)) — "
                         + "\(MarkdownReportRenderer.inline(instrument.reference))")
            lines.append("")
            lines.append("Status: \(instrument.status(on: date).rawValue.replacingUnderscores()) · \(rules.count) rules"
                         + (instrument.note.map { " · \(MarkdownReportRenderer.inline($0))" } ?? ""))
            lines.append("")
            lines.append("| Article | Rule | Kind | Addressee | Applies | Confidence |")
            lines.append("| --- | --- | --- | --- | --- | --- |")
            for rule in rules {
                lines.append("| [\(rule.article)](\(rule.url)) | \(MarkdownReportRenderer.inline(rule.title)) (`\(rule.id)`) | "
                             + "\(rule.kind.rawValue.replacingUnderscores()) | \(MarkdownReportRenderer.inline(rule.addressee)) | "
                             + "\(MarkdownReportRenderer.inline(Self.dates(rule, instrument))) | \(rule.confidence.rawValue) |")
            }
            lines.append("")
            let notes = rules.filter { $0.note != nil }
            if !notes.isEmpty {
                lines.append("Notes:")
                lines.append("")
                for rule in notes {
                    lines.append("- `\(rule.id)`: \(MarkdownReportRenderer.inline(rule.note ?? ""))")
                }
                lines.append("")
            }
        }
        return lines.joined(separator: "\n")
    }

    private func json(_ rulebook: Rulebook, on date: CivilDate) -> String {
        let rules: [JSONValue] = rulebook.rules.map { rule in
            let instrument = rulebook.instruments[rule.instrument]
            return .object([
                "rule": .string(rule.id),
                "title": .string(rule.title),
                "instrument": JSONReportRenderer.instrument(instrument, on: date),
                "article": .string(rule.article),
                "url": .string(rule.url),
                "kind": .string(rule.kind.rawValue),
                "addressee": .string(rule.addressee),
                "summary": .string(rule.summary),
                "applies_from": .optional(rule.constantAppliesFrom?.description ?? rule.appliesFromText
                                          ?? instrument.appliesFrom?.description),
                "applies_until": .optional(rule.appliesUntilText),
                "for_each": .optional(rule.collection.map { rulebook.vocabulary.collections[$0].name }),
                "confidence": .string(rule.confidence.rawValue),
                "note": .optional(rule.note),
                "draft": .optional(rule.draft),
                "transparency": rule.transparency.map(JSONReportRenderer.transparency) ?? .null,
                "exemptions": .array(rule.exemptions.map { exemption in
                    .object(["article": .optional(exemption.article), "summary": .optional(exemption.summary),
                             "condition": .string(exemption.text)])
                }),
                "gap": .optional(rule.gap),
                "guidance": .optional(rule.guidance),
                "location": .string(rule.location.description),
            ])
        }
        return JSONValue.object([
            "schema": .string("oblige.rules/1"),
            "as_of": .string(date.description),
            "rules": .array(rules),
        ]).rendered()
    }
}
