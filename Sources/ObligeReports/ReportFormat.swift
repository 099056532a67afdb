/// The output formats of `oblige check`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, markdown, sarif, junit, github

    /// The renderer that writes this format. Without `traces`, the JSON report leaves out the
    /// condition traces (`trace` is null, `predicates` is null): a far smaller file for batches.
    public func renderer(traces: Bool = true) -> any ReportRenderer {
        switch self {
        case .text: TextReportRenderer()
        case .json: JSONReportRenderer(includeTraces: traces)
        case .markdown: MarkdownReportRenderer()
        case .sarif: SARIFReportRenderer()
        case .junit: JUnitReportRenderer()
        case .github: GitHubAnnotationsRenderer()
        }
    }
}
