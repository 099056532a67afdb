/// The release of Oblige, printed by `oblige --version` and written into reports.
public enum ObligeVersion {
    public static let current = "0.2.0"
}
