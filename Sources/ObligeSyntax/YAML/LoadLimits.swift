/// Bounds on what the loader accepts, so that hostile or broken input fails fast.
public struct LoadLimits: Sendable, Hashable {
    /// Largest file accepted, in bytes.
    public var maxBytes: Int
    /// Deepest nesting of sequences and mappings.
    public var maxDepth: Int
    /// Most nodes in a document once every alias is expanded (defeats "billion laughs").
    public var maxNodes: Int

    public init(maxBytes: Int = 8 << 20, maxDepth: Int = 64, maxNodes: Int = 1_000_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
    }

    /// The defaults: 8 MiB, 64 levels, a million nodes.
    public static let standard = LoadLimits()
}
