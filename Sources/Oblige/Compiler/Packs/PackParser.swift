import ObligeSyntax

/// Reads a `pack:` document into a ``PackSource``, reporting unknown keys, missing fields and
/// malformed values with their positions.
struct PackParser {
    static let packKeys = ["pack", "amends", "description", "instrument", "parameters", "dates", "defaults",
                           "predicates", "classifications", "rules", "remove"]
    static let classificationKeys = ["title", "description", "for_each", "values"]
    static let classificationValueKeys = ["value", "when", "description", "article"]
    static let dateKeys = ["description", "value"]
    static let instrumentKeys = ["title", "short_name", "reference", "url", "article_url", "status", "history",
                                 "entry_into_force", "applies_from", "note"]
    static let parameterKeys = ["description", "unit", "per", "values"]
    static let ruleKeys = ["id", "title", "article", "url", "kind", "addressee", "applies_from", "applies_until",
                           "when", "unless", "summary", "transparency", "for_each", "confidence", "note",
                           "met_when", "gap", "guidance"]
    static let ruleRequired = ["id", "title", "article", "kind", "addressee", "when", "summary"]
    static let exemptionKeys = ["when", "article", "summary"]
    static let transparencyKeys = ["audience", "what", "when"]

    let reader: DocumentReader
    private var conditions: ConditionReader { ConditionReader(reader: reader) }

    func read(_ root: YAMLNode, file: String) -> PackSource? {
        guard let pairs = reader.mapping(root, "a rule pack") else { return nil }
        reader.checkKeys(pairs, in: "a rule pack", at: root.location, allowed: Self.packKeys, required: ["pack"])
        guard let nameNode = root["pack"], let name = reader.string(nameNode, "'pack'") else { return nil }
        guard isIdentifier(name) else {
            reader.error("pack.bad-name", "pack name '\(name)' must be a lower-case word of letters, digits and '_'",
                         at: nameNode.location)
            return nil
        }
        var pack = PackSource(name: name, file: file, location: nameNode.location)
        pack.description = root["description"].flatMap { reader.string($0, "'description'") }
        if let amendsNode = root["amends"], let base = reader.string(amendsNode, "'amends'") {
            pack.amends = (base, amendsNode.location)
        }
        if let node = root["instrument"] {
            pack.instrument = instrument(node)
        } else if pack.amends == nil {
            reader.error("schema.missing-key", "a rule pack needs an 'instrument' (a draft needs 'amends')",
                         at: root.location)
        }
        if let node = root["parameters"], let entries = reader.mapping(node, "'parameters'") {
            pack.parameters = entries.compactMap(parameter)
        }
        if let node = root["dates"], let entries = reader.mapping(node, "'dates'") {
            for entry in entries {
                guard namedEntry(entry, kind: "date", allowed: Self.dateKeys, required: ["value"]) != nil,
                      let value = entry.value["value"].flatMap({ conditions.dateSpec($0, "'value'") }) else { continue }
                pack.dates.append(NamedDateSource(
                    name: entry.key, description: entry.value["description"].flatMap { reader.string($0, "'description'") },
                    value: value, location: entry.keyLocation))
            }
        }
        if let node = root["defaults"], let pairs = reader.mapping(node, "'defaults'") {
            reader.checkKeys(pairs, in: "'defaults'", at: node.location, allowed: ["applies_from"])
            pack.defaultAppliesFrom = node["applies_from"].flatMap { conditions.dateSpec($0, "'applies_from'") }
        }
        if let node = root["predicates"], let entries = reader.mapping(node, "'predicates'") {
            for entry in entries {
                guard isIdentifier(entry.key) else {
                    reader.error("pack.bad-name", "predicate name '\(entry.key)' must be a lower-case word with '_'",
                                 at: entry.keyLocation)
                    continue
                }
                if let condition = conditions.condition(entry.value, "predicate '\(entry.key)'") {
                    pack.predicates.append(PredicateSource(name: entry.key, condition: condition,
                                                           location: entry.keyLocation))
                }
            }
        }
        if let node = root["classifications"], let entries = reader.mapping(node, "'classifications'") {
            pack.classifications = entries.compactMap(classification)
        }
        if let node = root["rules"], let items = reader.sequence(node, "'rules'") {
            pack.rules = items.compactMap { rule($0, draft: pack.amends == nil ? nil : name) }
        }
        if let node = root["remove"] {
            if pack.amends == nil {
                reader.error("pack.remove-without-amends", "only a draft (with 'amends') can remove rules",
                             at: node.location)
            } else if let items = reader.sequence(node, "'remove'") {
                for item in items {
                    if let id = reader.string(item, "a rule id") { pack.removals.append((id, item.location)) }
                }
            }
        }
        return pack
    }

    private func instrument(_ node: YAMLNode) -> InstrumentSource? {
        guard let pairs = reader.mapping(node, "'instrument'") else { return nil }
        reader.checkKeys(pairs, in: "'instrument'", at: node.location, allowed: Self.instrumentKeys,
                         required: ["title", "reference", "url", "status"])
        var history: [(CivilDate, InstrumentStatus, SourceLocation)] = []
        if let historyNode = node["history"], let entries = reader.mapping(historyNode, "'history'") {
            for entry in entries {
                guard let date = CivilDate(entry.key) else {
                    reader.error("schema.expected-date", "history keys must be dates written YYYY-MM-DD, not '\(entry.key)'",
                                 at: entry.keyLocation)
                    continue
                }
                if let status = reader.choice(entry.value, "instrument status", as: InstrumentStatus.self) {
                    history.append((date, status, entry.keyLocation))
                }
            }
            history.sort { $0.0 < $1.0 }
        }
        guard let title = node["title"].flatMap({ reader.string($0, "'title'") }),
              let reference = node["reference"].flatMap({ reader.string($0, "'reference'") }),
              let url = node["url"].flatMap({ reader.string($0, "'url'") }),
              let status = node["status"].flatMap({ reader.choice($0, "instrument status", as: InstrumentStatus.self) })
        else { return nil }
        if let last = history.last, last.1 != status {
            reader.error("pack.status-mismatch",
                         "the instrument's status is '\(status.rawValue)', but its latest history entry says '\(last.1.rawValue)'",
                         at: last.2)
        }
        checkURL(url, at: node["url"]?.location ?? node.location)
        return InstrumentSource(
            title: title,
            shortName: node["short_name"].flatMap { reader.string($0, "'short_name'") },
            reference: reference, url: url,
            articleURL: node["article_url"].flatMap { reader.string($0, "'article_url'") },
            status: status, history: history,
            entryIntoForce: node["entry_into_force"].flatMap { reader.date($0, "'entry_into_force'") },
            appliesFrom: node["applies_from"].flatMap { reader.date($0, "'applies_from'") },
            note: node["note"].flatMap { reader.string($0, "'note'") },
            location: node.location)
    }

    private func classification(_ entry: YAMLPair) -> ClassificationSource? {
        let what = "classification '\(entry.key)'"
        guard namedEntry(entry, kind: "classification", allowed: Self.classificationKeys,
                         required: ["title", "values"]) != nil else { return nil }
        var values: [(String, Syntax, String?, String?, SourceLocation)] = []
        var complete = true
        if let node = entry.value["values"], let items = reader.sequence(node, "the values of \(what)") {
            for item in items {
                guard let itemPairs = reader.mapping(item, "each value of \(what)") else { complete = false; continue }
                reader.checkKeys(itemPairs, in: "a value of \(what)", at: item.location,
                                 allowed: Self.classificationValueKeys, required: ["value", "when"])
                guard let valueNode = item["value"], let value = reader.string(valueNode, "'value'"),
                      let condition = item["when"].flatMap({ conditions.condition($0, "'when'") }) else {
                    complete = false
                    continue
                }
                values.append((value, condition, item["description"].flatMap { reader.string($0, "'description'") },
                               item["article"].flatMap { reader.string($0, "'article'") }, valueNode.location))
            }
        }
        guard complete, let title = entry.value["title"].flatMap({ reader.string($0, "'title'") }) else { return nil }
        var forEach: (String, SourceLocation)?
        if let node = entry.value["for_each"], let name = reader.string(node, "'for_each'") { forEach = (name, node.location) }
        return ClassificationSource(
            name: entry.key, title: title,
            description: entry.value["description"].flatMap { reader.string($0, "'description'") },
            forEach: forEach, values: values, location: entry.keyLocation)
    }

    private func parameter(_ entry: YAMLPair) -> ParameterSource? {
        let what = "parameter '\(entry.key)'"
        guard namedEntry(entry, kind: "parameter", allowed: Self.parameterKeys,
                         required: ["description", "values"]) != nil else { return nil }
        var values: [(CivilDate, YAMLNode)] = []
        if let valuesNode = entry.value["values"], let dated = reader.mapping(valuesNode, "the values of \(what)") {
            for pair in dated {
                guard let date = CivilDate(pair.key) else {
                    reader.error("schema.expected-date",
                                 "each value of \(what) must be keyed by the date it takes effect (YYYY-MM-DD), not '\(pair.key)'",
                                 at: pair.keyLocation)
                    continue
                }
                values.append((date, pair.value))
            }
            values.sort { $0.0 < $1.0 }
            if values.isEmpty, dated.isEmpty {
                reader.error("pack.empty-parameter", "\(what) needs at least one dated value", at: valuesNode.location)
            }
        }
        var per: (String, SourceLocation)?
        if let node = entry.value["per"], let path = reader.string(node, "'per'") { per = (path, node.location) }
        return ParameterSource(
            name: entry.key,
            description: entry.value["description"].flatMap { reader.string($0, "'description'") } ?? "",
            unit: entry.value["unit"].flatMap { reader.string($0, "'unit'") },
            per: per, values: values, location: entry.keyLocation)
    }

    private func rule(_ node: YAMLNode, draft: String?) -> RuleSource? {
        guard let pairs = reader.mapping(node, "a rule") else { return nil }
        let idText = node["id"]?.scalar?.text
        let what = idText.map { "rule '\($0)'" } ?? "a rule"
        reader.checkKeys(pairs, in: what, at: node.location, allowed: Self.ruleKeys, required: Self.ruleRequired)
        func text(_ key: String) -> String? { node[key].flatMap { reader.string($0, "'\(key)' of \(what)") } }
        let url = text("url")
        if let url, let location = node["url"]?.location { checkURL(url, at: location) }
        var forEach: (String, SourceLocation)?
        if let forEachNode = node["for_each"], let name = reader.string(forEachNode, "'for_each'") {
            forEach = (name, forEachNode.location)
        }
        let when = node["when"].flatMap { conditions.condition($0, "'when' of \(what)") }
        let exemptions = node["unless"].flatMap { unless($0, in: what) } ?? []
        let appliesFrom = node["applies_from"].flatMap { conditions.dateSpec($0, "'applies_from'") }
        let appliesUntil = node["applies_until"].flatMap { conditions.dateSpec($0, "'applies_until'") }
        let transparency = node["transparency"].flatMap { self.transparency($0, in: what) }
        let confidence = node["confidence"].flatMap { reader.choice($0, "confidence", as: Confidence.self) } ?? .high
        let metWhen = node["met_when"].flatMap { conditions.condition($0, "'met_when' of \(what)") }
        if node["met_when"] != nil, metWhen == nil { return nil }
        if node["gap"] != nil, node["met_when"] == nil {
            reader.error("schema.missing-key", "'gap' describes an unmet 'met_when'; give one", at: node["gap"]?.location)
        }
        guard let id = text("id"), let title = text("title"), let article = text("article"),
              let kind = node["kind"].flatMap({ reader.choice($0, "rule kind", as: RuleKind.self) }),
              let addressee = text("addressee"), let summary = text("summary"), let when else { return nil }
        if node["unless"] != nil, exemptions.isEmpty { return nil }
        return RuleSource(
            id: id, title: title, article: article, url: url, kind: kind, addressee: addressee, summary: summary,
            note: text("note"), confidence: confidence, transparency: transparency, forEach: forEach,
            when: when, exemptions: exemptions, appliesFrom: appliesFrom, appliesUntil: appliesUntil,
            metWhen: metWhen, gap: text("gap"), guidance: text("guidance"),
            location: node["id"]?.location ?? node.location, draft: draft)
    }

    /// `unless:` is a condition, one exemption `{when, article, summary}`, or a list of them.
    private func unless(_ node: YAMLNode, in what: String) -> [ExemptionSource]? {
        if let items = node.sequence, items.allSatisfy({ $0.mapping != nil && $0["when"] != nil }) {
            let exemptions = items.compactMap { exemption($0, in: what) }
            return exemptions.count == items.count ? exemptions : nil
        }
        if node.mapping != nil, node["when"] != nil {
            return exemption(node, in: what).map { [$0] }
        }
        guard let condition = conditions.condition(node, "'unless' of \(what)") else { return nil }
        return [ExemptionSource(condition: condition, article: nil, summary: nil, location: node.location)]
    }

    private func exemption(_ node: YAMLNode, in what: String) -> ExemptionSource? {
        guard let pairs = node.mapping else { return nil }
        reader.checkKeys(pairs, in: "an exemption of \(what)", at: node.location, allowed: Self.exemptionKeys,
                         required: ["when"])
        guard let whenNode = node["when"], let condition = conditions.condition(whenNode, "'when' of the exemption")
        else { return nil }
        return ExemptionSource(
            condition: condition,
            article: node["article"].flatMap { reader.string($0, "'article'") },
            summary: node["summary"].flatMap { reader.string($0, "'summary'") },
            location: node.location)
    }

    private func transparency(_ node: YAMLNode, in what: String) -> Transparency? {
        guard let pairs = reader.mapping(node, "'transparency' of \(what)") else { return nil }
        reader.checkKeys(pairs, in: "'transparency' of \(what)", at: node.location, allowed: Self.transparencyKeys,
                         required: ["audience", "what"])
        var audience: [Transparency.Audience] = []
        if let audienceNode = node["audience"] {
            let items = audienceNode.sequence ?? [audienceNode]
            audience = items.compactMap { reader.choice($0, "transparency audience", as: Transparency.Audience.self) }
        }
        guard let content = node["what"].flatMap({ reader.string($0, "'what'") }) else { return nil }
        return Transparency(audience: audience, what: content, when: node["when"].flatMap { reader.string($0, "'when'") })
    }

    /// The pairs of a named entry (a parameter, date or classification) whose name is a
    /// lower-case word and whose keys are known; `nil` (with diagnostics) otherwise.
    private func namedEntry(
        _ entry: YAMLPair, kind: String, allowed: [String], required: [String]
    ) -> [YAMLPair]? {
        guard isIdentifier(entry.key) else {
            reader.error("pack.bad-name", "\(kind) name '\(entry.key)' must be a lower-case word with '_'",
                         at: entry.keyLocation)
            return nil
        }
        let what = "\(kind) '\(entry.key)'"
        guard let pairs = reader.mapping(entry.value, what) else { return nil }
        reader.checkKeys(pairs, in: what, at: entry.keyLocation, allowed: allowed, required: required)
        return pairs
    }

    private func checkURL(_ url: String, at location: SourceLocation) {
        if !url.hasPrefix("https://") && !url.hasPrefix("http://") {
            reader.error("pack.bad-url", "'\(url)' is not a web address (it must start with https://)", at: location)
        }
    }

    private func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
