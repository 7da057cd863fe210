// swift-tools-version: 6.1
// Mieruka (見える化): a static site generator for municipal reform plans and their yearly progress.
//
// The targets follow the build pipeline, one concern each:
//   load + parse  → MierukaSource   (files, front matter, YAML with positions via libyaml, value parsers)
//   merge + check → MierukaSite     (results onto items, validation, declared totals, page plan)
//   render        → MierukaRender   (typed view models, compiled Mustache templates, the default theme)
//                   MierukaExport   (open data: CSV and JSON downloads, Atom feeds, sitemap)
//                   MierukaSearch   (the site search's index, search/index.json)
//   write         → MierukaOutput   (temporary folder swapped into place)
// around a domain model without I/O (MierukaModel) and located diagnostics (MierukaDiagnostics).
// MierukaBuild runs the stages in order; the `mieruka` executable only parses arguments.
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Mieruka",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "mieruka", targets: ["mieruka"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // `mieruka serve`: a small HTTP server (measured: +16 s to a clean debug build, +23 s release).
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        // C libraries
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(name: "CMierukaSystem"),

        // Pipeline libraries
        .target(name: "MierukaDiagnostics", swiftSettings: strict),
        // One way to run work on N threads, so that --jobs governs every parallel stage.
        .target(name: "MierukaParallel", swiftSettings: strict),
        .target(name: "MierukaModel", dependencies: ["MierukaDiagnostics"], swiftSettings: strict),
        .target(name: "MierukaMarkdown", dependencies: ["CCmark"], swiftSettings: strict),
        .target(
            name: "MierukaSource",
            dependencies: ["MierukaModel", "MierukaDiagnostics", "MierukaParallel", "CYAML"],
            swiftSettings: strict
        ),
        .target(name: "MierukaSite", dependencies: ["MierukaModel", "MierukaDiagnostics"], swiftSettings: strict),
        // The site search's index (search/index.json) and the tokenizer search.js mirrors.
        .target(name: "MierukaSearch", dependencies: ["MierukaSite", "MierukaModel"], swiftSettings: strict),
        .target(
            name: "MierukaExport", dependencies: ["MierukaSite", "MierukaModel", "MierukaDiagnostics", "MierukaParallel"],
            swiftSettings: strict
        ),
        .target(
            name: "MierukaRender",
            dependencies: [
                "MierukaSite", "MierukaExport", "MierukaModel", "MierukaDiagnostics", "MierukaMarkdown",
            ],
            exclude: ["Theme"],
            swiftSettings: strict,
            plugins: ["EmbedThemePlugin"]
        ),
        .target(name: "MierukaOutput", dependencies: ["MierukaDiagnostics", "CMierukaSystem"], swiftSettings: strict),
        .target(
            name: "MierukaBuild",
            dependencies: [
                "MierukaSource", "MierukaSite", "MierukaExport", "MierukaSearch", "MierukaRender", "MierukaOutput",
                "MierukaModel", "MierukaDiagnostics", "MierukaParallel",
            ],
            swiftSettings: strict
        ),
        // `mieruka serve`: local preview with incremental rebuilds (inotify), reload and error overlay.
        .target(
            name: "MierukaServe",
            dependencies: [
                "MierukaBuild", "MierukaSource", "MierukaSite", "MierukaRender", "MierukaExport", "MierukaSearch",
                "MierukaOutput", "MierukaModel", "MierukaDiagnostics", .product(name: "FlyingFox", package: "FlyingFox"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "mieruka",
            dependencies: [
                "MierukaBuild", "MierukaServe", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),

        // The default theme (templates and CSS) is compiled into the binary, so that an installed
        // `mieruka` needs no resource folder beside it.
        .executableTarget(name: "EmbedTheme", swiftSettings: strict),
        .plugin(name: "EmbedThemePlugin", capability: .buildTool(), dependencies: ["EmbedTheme"]),

        // Tests
        .target(
            name: "MierukaTestSupport",
            dependencies: ["MierukaDiagnostics", "MierukaModel", "MierukaSource", "MierukaSite"],
            path: "Tests/MierukaTestSupport",
            swiftSettings: strict
        ),
        .testTarget(name: "MierukaDiagnosticsTests", dependencies: ["MierukaDiagnostics"], swiftSettings: strict),
        .testTarget(name: "MierukaModelTests", dependencies: ["MierukaModel"], swiftSettings: strict),
        .testTarget(name: "MierukaMarkdownTests", dependencies: ["MierukaMarkdown"], swiftSettings: strict),
        .testTarget(
            name: "MierukaSourceTests",
            dependencies: ["MierukaSource", "MierukaModel", "MierukaDiagnostics", "MierukaTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "MierukaSiteTests",
            dependencies: ["MierukaSite", "MierukaSource", "MierukaModel", "MierukaDiagnostics", "MierukaTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "MierukaRenderTests",
            dependencies: [
                "MierukaRender", "MierukaSite", "MierukaSource", "MierukaModel", "MierukaDiagnostics", "MierukaTestSupport",
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "MierukaSearchTests",
            dependencies: ["MierukaSearch", "MierukaSite", "MierukaModel", "MierukaTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "MierukaExportTests",
            dependencies: ["MierukaExport", "MierukaSite", "MierukaModel", "MierukaDiagnostics", "MierukaTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(name: "MierukaOutputTests", dependencies: ["MierukaOutput", "MierukaTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "MierukaRobustnessTests",
            dependencies: [
                "MierukaRender", "MierukaSite", "MierukaSource", "MierukaModel", "MierukaDiagnostics", "MierukaTestSupport",
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DemoSiteTests",
            dependencies: [
                "MierukaRender", "MierukaSite", "MierukaSource", "MierukaModel", "MierukaDiagnostics", "MierukaTestSupport",
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "MierukaServeTests",
            dependencies: [
                "MierukaServe", "MierukaBuild", "MierukaDiagnostics", "MierukaTestSupport", "mieruka",
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "MierukaBuildTests",
            dependencies: ["MierukaBuild", "MierukaOutput", "MierukaModel", "MierukaSite", "MierukaTestSupport", "mieruka"],
            swiftSettings: strict
        ),
    ]
)
