/// The output formats of `oblige check`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, markdown, sarif, junit, github

    /// The renderer that writes this format.
    public var renderer: any ReportRenderer {
        switch self {
        case .text: TextReportRenderer()
        case .json: JSONReportRenderer()
        case .markdown: MarkdownReportRenderer()
        case .sarif: SARIFReportRenderer()
        case .junit: JUnitReportRenderer()
        case .github: GitHubAnnotationsRenderer()
        }
    }
}
