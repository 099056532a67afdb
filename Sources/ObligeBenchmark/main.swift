// oblige-bench: prints how fast Oblige loads its packs and evaluates manifests.
//
//   swift run -c release oblige-bench [--manifests N] [--rounds R] [--binary PATH]
//
// Figures: time to load and compile the built-in packs; manifests validated per second;
// evaluations per second (statuses and traces' raw material, the work `check` does per
// manifest); full JSON reports per second; and, with --binary, the wall time of a cold
// `oblige check` against the bare process start (`oblige --version`).

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Oblige
import ObligeBuiltins
import ObligeReports
import ObligeSyntax

// MARK: Options

var manifestCount = 5_000
var rounds = 5
var binary: String?
var reportLimit = 200
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--manifests": manifestCount = arguments.popFirst().flatMap { Int($0) } ?? manifestCount
    case "--rounds": rounds = arguments.popFirst().flatMap { Int($0) } ?? rounds
    case "--binary": binary = arguments.popFirst()
    case "--reports": reportLimit = arguments.popFirst().flatMap { Int($0) } ?? reportLimit
    default:
        print("usage: oblige-bench [--manifests N] [--rounds R] [--reports N] [--binary PATH-TO-oblige]")
        exit(2)
    }
}

// MARK: Timing

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Runs `body` `times` times and returns the sorted durations in seconds.
func measure(_ times: Int, _ body: () -> Void) -> [Double] {
    (0..<times).map { _ in
        let start = now()
        body()
        return now() - start
    }.sorted()
}

func milliseconds(_ seconds: Double) -> String {
    let value = (seconds * 1e5).rounded() / 100
    return "\(value) ms"
}

func rate(_ count: Int, _ seconds: Double) -> String {
    "\(Int((Double(count) / seconds).rounded()))/s"
}

// MARK: Packs

let files = BuiltinRules.files
// As `oblige check` does: the packs and vocabularies, not the test suites.
let compileTimes = measure(rounds) { _ = Rulebook.compile(files, includeTests: false) }
guard let rulebook = Rulebook.compile(files, includeTests: false).rulebook else {
    print("the built-in packs do not compile")
    exit(1)
}
let nodes = rulebook.conditionNodeCount
print("Built-in packs: \(rulebook.instruments.count) instruments, \(rulebook.rules.count) rules, \(rulebook.vocabulary.facts.count) facts, \(nodes) condition nodes")
print("Load and compile the built-in packs (as check does, without their test suites): median \(milliseconds(compileTimes[compileTimes.count / 2])), best \(milliseconds(compileTimes[0])) (\(rounds) rounds)")

// MARK: Generated manifests

/// A deterministic generator (SplitMix64), so every run measures the same manifests.
struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}

/// A YAML value for a fact of `type`.
func value(for type: FactType, _ random: inout Generator) -> String {
    switch type {
    case .boolean: return random.chance(50) ? "true" : "false"
    case .integer: return String([0, 5, 9, 49, 50, 120, 249, 250, 1_000, 45_000_000, 60_000_000][random.below(11)])
    case .number: return ["0", "1500000", "9000000", "10000000", "50000000", "5.0e25", "2e23"][random.below(7)]
    case .string: return ["NO", "US", "\"Example\"", "SG"][random.below(4)]
    case .date: return ["2018-05-25", "2023-04-25", "2024-06-01", "2025-09-01", "2026-12-09", "2028-01-05"][random.below(6)]
    case .enumeration(let domain): return domain.values[random.below(domain.values.count)]
    case .set(let domain):
        let picked = domain.values.filter { _ in random.chance(30) }
        return "[" + picked.joined(separator: ", ") + "]"
    }
}

/// A manifest that states about 80% of the vocabulary's facts, with 0-3 items per collection.
func manifest(_ random: inout Generator) -> String {
    var sections: [String: [String]] = [:]
    var order: [String] = []
    for fact in rulebook.vocabulary.facts where fact.collection == nil && random.chance(80) {
        let parts = fact.path.split(separator: ".", maxSplits: 1).map(String.init)
        if sections[parts[0]] == nil { order.append(parts[0]) }
        sections[parts[0], default: []].append("  \(parts[1]): \(value(for: fact.type, &random))")
    }
    var text = order.map { "\($0):\n" + (sections[$0] ?? []).joined(separator: "\n") }.joined(separator: "\n") + "\n"
    for (index, collection) in rulebook.vocabulary.collections.enumerated() {
        let count = random.below(4)
        guard count > 0 else { continue }
        text += "\(collection.name):\n"
        for item in 0..<count {
            var fields = ["name: item\(item)"]
            for factIndex in rulebook.vocabulary.collections[index].facts where random.chance(80) {
                let fact = rulebook.vocabulary.facts[factIndex]
                let field = fact.path.split(separator: ".").last.map(String.init) ?? ""
                if field == "name" { continue }
                fields.append("\(field): \(value(for: fact.type, &random))")
            }
            text += "  - {" + fields.joined(separator: ", ") + "}\n"
        }
    }
    return text
}

var random = Generator(state: 42)
let texts = (0..<manifestCount).map { _ in manifest(&random) }
let loader = YAMLLoader()
var facts: [Facts] = []
let validationTimes = measure(1) {
    facts = texts.enumerated().compactMap { index, text in
        try? rulebook.facts(from: try loader.load(text: text, file: "generated-\(index).yaml"), file: "generated-\(index).yaml")
    }
}
guard facts.count == manifestCount else {
    print("only \(facts.count) of \(manifestCount) generated manifests are valid")
    exit(1)
}
print("Parse and validate \(manifestCount) generated manifests: \(rate(manifestCount, validationTimes[0])) (\(milliseconds(validationTimes[0] / Double(manifestCount))) each)")

// MARK: Evaluation

let asOf = CivilDate("2026-11-23") ?? CivilDate.today()
let evaluator = Evaluator(rulebook: rulebook, asOf: asOf)
var checksum = 0
let evaluationTimes = measure(rounds) {
    for subject in facts {
        let evaluation = evaluator.evaluate(subject)
        checksum &+= evaluation.outcomes.count
    }
}
let best = evaluationTimes[0]
let median = evaluationTimes[evaluationTimes.count / 2]
let outcomesPerManifest = evaluator.evaluate(facts[0]).outcomes.count
print("Evaluate (all rules, per-item rules per item): \(rate(manifestCount, median)) median, \(rate(manifestCount, best)) best, single core; ~\(outcomesPerManifest) outcomes per manifest")

let reportCount = min(manifestCount, reportLimit)
let reportTimes = measure(1) {
    for subject in facts.prefix(reportCount) {
        let report = Report(asOf: asOf, evaluations: [evaluator.evaluate(subject)])
        checksum &+= JSONReportRenderer().render(report).utf8.count
    }
}
print("Evaluate and render the full JSON report (traces included): \(rate(reportCount, reportTimes[0]))")

// MARK: Cold start

if let binary {
    let example = "Examples/marketplace.yaml"
    func run(_ arguments: [String]) -> Double {
        let start = now()
        var pid = pid_t()
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        var fileActions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fileActions)
        posix_spawn_file_actions_addopen(&fileActions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&fileActions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn(&pid, binary, &fileActions, nil, argv, environ)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        posix_spawn_file_actions_destroy(&fileActions)
        for pointer in argv { free(pointer) }
        return now() - start
    }
    let runs = max(rounds * 4, 20)
    let bare = (0..<runs).map { _ in run(["--version"]) }.sorted()
    let check = (0..<runs).map { _ in run(["check", example, "--as-of", "2026-11-23"]) }.sorted()
    print("Cold process: `oblige --version` median \(milliseconds(bare[runs / 2])); `oblige check \(example)` median \(milliseconds(check[runs / 2])) (\(runs) runs each)")

    // A policymaker's batch: one process over many manifests (copies of the example).
    let batch = 500
    var template = "/tmp/oblige-bench-XXXXXX".utf8CString
    let directory = template.withUnsafeMutableBufferPointer { buffer -> String? in
        guard let base = buffer.baseAddress, let made = mkdtemp(base) else { return nil }
        return String(cString: made)
    }
    if let directory, let source = fopen(example, "r") {
        var text: [UInt8] = []
        var byte = fgetc(source)
        while byte != EOF { text.append(UInt8(byte)); byte = fgetc(source) }
        fclose(source)
        var paths: [String] = []
        for index in 0..<batch {
            let path = "\(directory)/m\(index).yaml"
            if let file = fopen(path, "w") {
                _ = text.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
                fclose(file)
                paths.append(path)
            }
        }
        for format in ["text", "junit", "sarif", "json --no-traces", "json"] {
            let options = format.split(separator: " ").map(String.init)
            let seconds = run(["check", "--as-of", "2026-11-23", "--fail-on", "none", "--format"] + options + paths)
            print("Batch: `oblige check --format \(format)` over \(paths.count) manifests in one process: \(milliseconds(seconds)) (\(milliseconds(seconds / Double(paths.count))) each)")
        }
        for path in paths { unlink(path) }
        rmdir(directory)
    }
}

if checksum == 42 { print("") }  // keeps the work observable to the optimiser
