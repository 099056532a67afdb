import Foundation
import ObligeSyntax

/// A JSON Schema validator for the keywords the SARIF 2.1.0 schema (draft-04) and the manifest
/// schema of `oblige schema` (draft 2020-12) use: `type`, `enum`, `const`, `properties`,
/// `required`, `additionalProperties`, `propertyNames`, `items`, `minItems`, `uniqueItems`,
/// `minimum`, `maximum`, `pattern`, `$ref` (local JSON pointers), `anyOf`, `oneOf`, `allOf`.
/// `format` is an annotation (as both drafts allow). Instances and schemas are YAML nodes,
/// which is what JSON and YAML documents both load into.
struct SchemaValidator {
    let root: YAMLNode

    /// Every violation, as `path: message`.
    func violations(of instance: YAMLNode) -> [String] {
        var errors: [String] = []
        check(instance, against: root, at: "$", into: &errors)
        return errors
    }

    private func check(_ value: YAMLNode, against schema: YAMLNode, at path: String, into errors: inout [String]) {
        if case .bool(let accepts)? = schema.scalar?.value {
            if !accepts { errors.append("\(path): no value is allowed here") }
            return
        }
        guard let keywords = schema.mapping else { return }
        func keyword(_ name: String) -> YAMLNode? { keywords.first { $0.key == name }?.value }

        if let reference = keyword("$ref")?.scalar?.text {
            if let target = resolve(reference) {
                check(value, against: target, at: path, into: &errors)
            } else {
                errors.append("\(path): unresolvable $ref \(reference)")
            }
        }
        if let type = keyword("type") {
            let allowed = type.sequence?.compactMap(\.scalar?.text) ?? [type.scalar?.text ?? ""]
            if !allowed.contains(where: { matches(value, type: $0) }) {
                errors.append("\(path): expected \(allowed.joined(separator: " or ")), found \(value.kindDescription)")
                return
            }
        }
        if let options = keyword("enum")?.sequence, !options.contains(where: { canonical($0) == canonical(value) }) {
            errors.append("\(path): \(canonical(value)) is not one of \(options.map(canonical).joined(separator: ", "))")
        }
        if let constant = keyword("const"), canonical(constant) != canonical(value) {
            errors.append("\(path): expected \(canonical(constant))")
        }
        for name in ["anyOf", "oneOf"] {
            guard let branches = keyword(name)?.sequence else { continue }
            let passing = branches.filter { branch in
                var branchErrors: [String] = []
                check(value, against: branch, at: path, into: &branchErrors)
                return branchErrors.isEmpty
            }.count
            if passing == 0 || (name == "oneOf" && passing > 1) {
                errors.append("\(path): \(passing) of the \(name) branches match")
            }
        }
        for branch in keyword("allOf")?.sequence ?? [] { check(value, against: branch, at: path, into: &errors) }

        if let pairs = value.mapping {
            let properties = keyword("properties")?.mapping ?? []
            for name in keyword("required")?.sequence?.compactMap(\.scalar?.text) ?? []
            where !pairs.contains(where: { $0.key == name }) {
                errors.append("\(path): missing required property '\(name)'")
            }
            let additional = keyword("additionalProperties")
            let names = keyword("propertyNames")
            for pair in pairs {
                let childPath = "\(path).\(pair.key)"
                if let names {
                    let key = YAMLNode(.scalar(YAMLScalar(text: pair.key, style: .doubleQuoted, value: .string(pair.key),
                                                          endLine: pair.keyLocation.line)), at: pair.keyLocation)
                    check(key, against: names, at: childPath + " (name)", into: &errors)
                }
                if let property = properties.first(where: { $0.key == pair.key }) {
                    check(pair.value, against: property.value, at: childPath, into: &errors)
                } else if let additional {
                    if case .bool(false)? = additional.scalar?.value {
                        errors.append("\(childPath): property not allowed")
                    } else {
                        check(pair.value, against: additional, at: childPath, into: &errors)
                    }
                }
            }
        }
        if let items = value.sequence {
            if let minimum = keyword("minItems")?.scalar.flatMap({ Int($0.text) }), items.count < minimum {
                errors.append("\(path): \(items.count) items, fewer than \(minimum)")
            }
            if case .bool(true)? = keyword("uniqueItems")?.scalar?.value,
               Set(items.map(canonical)).count != items.count {
                errors.append("\(path): items are not unique")
            }
            if let schema = keyword("items") {
                for (index, item) in items.enumerated() { check(item, against: schema, at: "\(path)[\(index)]", into: &errors) }
            }
        }
        if let actual = number(value) {
            if let minimum = keyword("minimum").flatMap({ number($0) }), actual < minimum {
                errors.append("\(path): \(actual) is below the minimum \(minimum)")
            }
            if let maximum = keyword("maximum").flatMap({ number($0) }), actual > maximum {
                errors.append("\(path): \(actual) is above the maximum \(maximum)")
            }
        }
        if case .string(let text)? = value.scalar?.value, let pattern = keyword("pattern")?.scalar?.text {
            let expression = try? NSRegularExpression(pattern: pattern)
            let range = NSRange(text.startIndex..., in: text)
            if expression?.firstMatch(in: text, range: range) == nil {
                errors.append("\(path): '\(text)' does not match \(pattern)")
            }
        }
    }

    private func matches(_ value: YAMLNode, type: String) -> Bool {
        switch (type, value.scalar?.value) {
        case ("object", _): return value.mapping != nil
        case ("array", _): return value.sequence != nil
        case ("string", .string?): return true
        case ("boolean", .bool?): return true
        case ("null", .null?): return true
        case ("integer", .int?): return true
        case ("number", .int?), ("number", .float?): return true
        default: return false
        }
    }

    private func number(_ value: YAMLNode) -> Double? {
        switch value.scalar?.value {
        case .int(let number)?: Double(number)
        case .float(let number)?: number
        default: nil
        }
    }

    /// A local reference: `#/definitions/x` or `#/$defs/x`.
    private func resolve(_ reference: String) -> YAMLNode? {
        guard reference.hasPrefix("#") else { return nil }
        var node: YAMLNode? = root
        for part in reference.dropFirst().split(separator: "/") {
            let name = part.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            node = node?.mapping?.first { $0.key == name }?.value
        }
        return node
    }

    /// A text form of a value for equality (enum, const, uniqueItems).
    private func canonical(_ node: YAMLNode) -> String {
        if let pairs = node.mapping {
            return "{" + pairs.sorted { $0.key < $1.key }.map { "\($0.key):\(canonical($0.value))" }.joined(separator: ",") + "}"
        }
        if let items = node.sequence { return "[" + items.map(canonical).joined(separator: ",") + "]" }
        switch node.scalar?.value {
        case .string(let text)?: return "\"\(text)\""
        case .int(let number)?: return String(number)
        case .float(let number)?: return String(number)
        case .bool(let flag)?: return String(flag)
        default: return "null"
        }
    }
}
