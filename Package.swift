// swift-tools-version:6.0
import PackageDescription

/// The same strict settings on every target: explicit `any`, imports that say what they expose.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Oblige",
    products: [
        .library(name: "Oblige", targets: ["Oblige"]),
        .library(name: "ObligeReports", targets: ["ObligeReports"]),
        .executable(name: "oblige", targets: ["ObligeCLI"]),
        .executable(name: "oblige-bench", targets: ["ObligeBenchmark"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // libyaml, through pkg-config. Only ObligeSyntax imports it.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // Source locations, diagnostics and the safe YAML loader.
        .target(name: "ObligeSyntax", dependencies: ["CYAML"], swiftSettings: strictSettings),
        // The engine: vocabulary, manifest validation, rule compiler, evaluator, pack tests.
        .target(name: "Oblige", dependencies: ["ObligeSyntax"], swiftSettings: strictSettings),
        // The built-in packs (Rules/), embedded into the binary at build time.
        .target(
            name: "ObligeBuiltins",
            dependencies: ["Oblige"],
            swiftSettings: strictSettings,
            plugins: ["EmbedRulePacks"]
        ),
        // One renderer per output format.
        .target(name: "ObligeReports", dependencies: ["Oblige"], swiftSettings: strictSettings),
        // The `oblige` command: argument parsing and wiring only.
        .executableTarget(
            name: "ObligeCLI",
            dependencies: [
                "Oblige", "ObligeReports", "ObligeBuiltins",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // `oblige-bench`: prints load/compile times and evaluations per second.
        .executableTarget(
            name: "ObligeBenchmark",
            dependencies: ["Oblige", "ObligeReports", "ObligeBuiltins"],
            swiftSettings: strictSettings
        ),
        // Build-time tool that turns Rules/ into Swift source.
        .executableTarget(name: "ObligeEmbedTool", swiftSettings: strictSettings),
        .plugin(
            name: "EmbedRulePacks",
            capability: .buildTool(),
            dependencies: ["ObligeEmbedTool"]
        ),
        .testTarget(name: "ObligeSyntaxTests", dependencies: ["ObligeSyntax"], swiftSettings: strictSettings),
        .testTarget(
            name: "ObligeTests",
            dependencies: ["Oblige", "ObligeBuiltins"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ObligeReportsTests",
            dependencies: ["ObligeReports", "Oblige", "ObligeBuiltins"],
            exclude: ["Expected"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ObligeCLITests",
            dependencies: ["ObligeCLI", "ObligeSyntax"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
    ]
)
