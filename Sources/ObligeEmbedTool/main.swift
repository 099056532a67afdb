import Foundation

// Writes a Swift file that holds every YAML file under a directory as a string literal.
// Usage: ObligeEmbedTool RULES_DIR OUTPUT.swift
let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: ObligeEmbedTool RULES_DIR OUTPUT.swift\n".utf8))
    exit(2)
}
let root = URL(fileURLWithPath: arguments[1]).standardizedFileURL
let output = URL(fileURLWithPath: arguments[2])

var files: [(path: String, text: String)] = []
if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) {
    for case let url as URL in walker where ["yaml", "yml"].contains(url.pathExtension) {
        let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
        files.append((relative, try String(contentsOf: url, encoding: .utf8)))
    }
}
files.sort { $0.path < $1.path }

/// A raw string literal that reproduces `text` exactly: enough `#`s that nothing inside can end it.
func literal(_ text: String) -> String {
    var longest = 0
    var run = 0
    for character in text.unicodeScalars {
        run = character == "#" ? run + 1 : 0
        longest = max(longest, run)
    }
    let hashes = String(repeating: "#", count: longest + 1)
    return "\(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)"
}

var source = "// Generated at build time by ObligeEmbedTool from Rules/. Do not edit.\n\n"
source += "let embeddedRuleFiles: [(path: String, text: String)] = [\n"
for file in files {
    source += "    (\(String(reflecting: file.path)), \(literal(file.text))),\n"
}
source += "]\n"

do {
    let existing = try? String(contentsOf: output, encoding: .utf8)
    if existing != source { try source.write(to: output, atomically: true, encoding: .utf8) }
} catch {
    FileHandle.standardError.write(Data("ObligeEmbedTool: cannot write \(output.path): \(error)\n".utf8))
    exit(1)
}
