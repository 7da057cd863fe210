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
// MierukaBuild holds the stages as functions (Sources/MierukaBuild/Stages) and runs them in order for
// `build` and `check`; MierukaServe calls the same functions for its rebuilds; the `mieruka`
// executable only parses arguments. Each target declares exactly the targets it imports.
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
        // Excel workbooks (.xlsx) in seeds/: the ZIP container (links the system's zlib). The XML
        // inside is read by MierukaSource's own small parser, not FoundationXML (which links libxml2).
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
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
        // libdeflate, for the workbooks' ZIP container that MierukaExport writes (XLSXArchive): it
        // deflates a whole part in one call 2.6 times as fast as zlib, into fewer bytes.
        .systemLibrary(
            name: "CMierukaDeflate",
            pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"])]
        ),

        // Pipeline libraries
        // One way to run work on N threads, so that --jobs governs every parallel stage, and the lock
        // every target shares state with (`Lock`: a pthread mutex, which ThreadSanitizer can see).
        .target(name: "MierukaParallel", swiftSettings: strict),
        .target(name: "MierukaDiagnostics", dependencies: ["MierukaParallel"], swiftSettings: strict),
        .target(name: "MierukaModel", dependencies: ["MierukaDiagnostics"], swiftSettings: strict),
        .target(name: "MierukaMarkdown", dependencies: ["CCmark"], swiftSettings: strict),
        .target(
            name: "MierukaSource",
            dependencies: [
                "MierukaModel", "MierukaDiagnostics", "MierukaParallel", "CYAML",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "MierukaSite",
            // The plans merged side by side (SiteMerger).
            dependencies: ["MierukaModel", "MierukaDiagnostics", "MierukaParallel"], swiftSettings: strict),
        // The site search's index (search/index.json) and the tokenizer search.js mirrors.
        .target(name: "MierukaSearch", dependencies: ["MierukaSite", "MierukaModel"], swiftSettings: strict),
        .target(
            name: "MierukaExport",
            dependencies: [
                "MierukaSite", "MierukaModel", "MierukaDiagnostics", "MierukaParallel",
                // The .xlsx copy of each CSV download: its ZIP container's deflate and CRC-32.
                "CMierukaDeflate",
                // SHA-256 with the processor's SHA instructions (the workbooks' record).
                "CMierukaSystem",
            ],
            swiftSettings: strict
        ),
        .target(
            name: "MierukaRender",
            dependencies: [
                "MierukaSite", "MierukaExport", "MierukaModel", "MierukaDiagnostics", "MierukaMarkdown",
                // The page templates compiled side by side (Theme.load).
                "MierukaParallel",
            ],
            exclude: ["Theme"],
            swiftSettings: strict,
            plugins: ["EmbedThemePlugin"]
        ),
        .target(name: "MierukaOutput", dependencies: ["CMierukaSystem", "MierukaParallel"], swiftSettings: strict),
        // `mieruka init`: the starter site, compiled into the binary.
        // Its results workbook is written by MierukaExport's .xlsx writer.
        .target(
            name: "MierukaInit", dependencies: ["MierukaExport"], exclude: ["Starter"], swiftSettings: strict,
            plugins: ["EmbedThemePlugin"]),
        .target(
            name: "MierukaBuild",
            dependencies: [
                "MierukaSource", "MierukaSite", "MierukaExport", "MierukaSearch", "MierukaRender", "MierukaOutput",
                "MierukaModel", "MierukaDiagnostics", "MierukaParallel",
                // The freed parsed documents' memory given back before rendering (malloc_trim).
                "CMierukaSystem",
            ],
            swiftSettings: strict
        ),
        // `mieruka serve`: local preview with incremental rebuilds (inotify), reload and error overlay,
        // over its own small HTTP/1.1 server (Sources/MierukaServe/HTTP; FlyingFox 0.27.1 had no
        // bounds on request size, time or connections, and a 44 ms wait on every kept-alive response).
        .target(
            name: "MierukaServe",
            dependencies: [
                "MierukaBuild", "MierukaSource", "MierukaSite", "MierukaRender", "MierukaOutput", "MierukaModel",
                "MierukaDiagnostics", "MierukaParallel",
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "mieruka",
            dependencies: [
                "MierukaBuild", "MierukaServe", "MierukaInit", "MierukaDiagnostics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict,
            plugins: ["EmbedVersionPlugin"]
        ),

        // Development tool, not a product: runs the Mustache specification (github.com/mustache/spec,
        // specs/*.yml, checked out outside the repository) through the template engine with
        // data-driven views. scripts/mustache-spec.sh builds and runs it.
        .target(
            name: "MustacheSpec", dependencies: ["MierukaRender", "MierukaSource", "MierukaDiagnostics"],
            swiftSettings: strict
        ),
        .executableTarget(name: "mustache-spec", dependencies: ["MustacheSpec"], swiftSettings: strict),

        // The default theme (templates and CSS) is compiled into the binary, so that an installed
        // `mieruka` needs no resource folder beside it.
        .executableTarget(name: "EmbedTheme", swiftSettings: strict),
        .plugin(name: "EmbedThemePlugin", capability: .buildTool(), dependencies: ["EmbedTheme"]),
        // `mieruka --version` names the commit the binary was built from.
        .executableTarget(name: "EmbedVersion", swiftSettings: strict),
        .plugin(name: "EmbedVersionPlugin", capability: .buildTool(), dependencies: ["EmbedVersion"]),

        // Tests
        .target(
            name: "MierukaTestSupport",
            dependencies: ["MierukaDiagnostics", "MierukaModel", "MierukaSource", "MierukaSite", "MierukaParallel"],
            path: "Tests/MierukaTestSupport",
            swiftSettings: strict
        ),
        .testTarget(name: "MierukaDiagnosticsTests", dependencies: ["MierukaDiagnostics"], swiftSettings: strict),
        .testTarget(name: "MierukaModelTests", dependencies: ["MierukaModel", "MierukaDiagnostics"], swiftSettings: strict),
        .testTarget(name: "MierukaMarkdownTests", dependencies: ["MierukaMarkdown"], swiftSettings: strict),
        .testTarget(
            name: "MierukaSourceTests",
            dependencies: [
                "MierukaSource", "MierukaModel", "MierukaDiagnostics", "MierukaTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "MierukaSiteTests",
            dependencies: ["MierukaSite", "MierukaModel", "MierukaDiagnostics", "MierukaTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "MierukaRenderTests",
            dependencies: [
                "MierukaRender", "MierukaSite", "MierukaModel", "MierukaDiagnostics", "MierukaTestSupport", "MustacheSpec",
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
            dependencies: [
                "MierukaExport", "MierukaSite", "MierukaModel", "MierukaDiagnostics", "MierukaTestSupport",
                // The workbooks written are read back with the reader of seeds/.
                "MierukaSource",
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "MierukaOutputTests", dependencies: ["MierukaOutput", "MierukaTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "MierukaRobustnessTests",
            dependencies: ["MierukaRender", "MierukaSite", "MierukaModel", "MierukaDiagnostics", "MierukaTestSupport"],
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
                "MierukaServe", "MierukaBuild", "MierukaDiagnostics", "MierukaParallel", "MierukaTestSupport", "mieruka",
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "MierukaBuildTests",
            dependencies: [
                // `mieruka`: the tests run the executable.
                "MierukaBuild", "MierukaOutput", "MierukaSource", "MierukaDiagnostics", "MierukaTestSupport", "mieruka",
                // The workbook record's digests (WorkbookReuseTests).
                "MierukaExport",
            ],
            swiftSettings: strict
        ),
    ]
)

// Fuzzing (scripts/fuzz.sh sets MIERUKA_FUZZ=1 and builds into .build-fuzz): every library is
// compiled with libFuzzer's coverage and AddressSanitizer, and the fuzz targets of Tests/Fuzz are
// added as libraries, each defining LLVMFuzzerTestOneInput; the script links each one with the
// libraries into its own fuzzer with `swiftc -sanitize=fuzzer,address`. Normal builds never see them.
if Context.environment["MIERUKA_FUZZ"] == "1" {
    let sanitizers = ["-sanitize=fuzzer,address"]
    for target in package.targets where target.type == .regular {
        if target.name.hasPrefix("C") {
            target.cSettings = (target.cSettings ?? []) + [.unsafeFlags(["-fsanitize=fuzzer-no-link,address"])]
        } else {
            target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(sanitizers)]
        }
    }
    func fuzzTarget(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
        .target(
            name: name, dependencies: ["FuzzSupport"] + dependencies, path: "Tests/Fuzz/\(name)",
            swiftSettings: strict + [.unsafeFlags(sanitizers)])
    }
    package.targets += [
        .target(
            name: "FuzzSupport", dependencies: ["MierukaDiagnostics"], path: "Tests/Fuzz/FuzzSupport",
            swiftSettings: strict + [.unsafeFlags(sanitizers)]),
        fuzzTarget("FuzzYAML", ["MierukaSource", "MierukaDiagnostics"]),
        fuzzTarget("FuzzFrontMatter", ["MierukaSource", "MierukaDiagnostics"]),
        fuzzTarget("FuzzCSV", ["MierukaSource", "MierukaExport", "MierukaModel", "MierukaDiagnostics"]),
        fuzzTarget("FuzzValues", ["MierukaSource", "MierukaModel", "MierukaDiagnostics"]),
        fuzzTarget("FuzzTemplates", ["MierukaRender", "MierukaDiagnostics"]),
        fuzzTarget("FuzzMarkdown", ["MierukaMarkdown"]),
    ]
}
