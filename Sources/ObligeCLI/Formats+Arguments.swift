public import ArgumentParser
public import ObligeReports

// The output formats, as command-line values (their `rawValue`s).
extension ReportFormat: ExpressibleByArgument {}
extension RuleCatalogueRenderer.Format: ExpressibleByArgument {}
