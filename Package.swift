// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "evalcrew",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "EvalCrew", targets: ["EvalCrew"]),
        .executable(name: "evalcrew", targets: ["evalcrew"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        // No pkgConfig: its `-lcurl` would link libcurl into every process; the shim opens it on first use.
        .systemLibrary(name: "CCurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // libxml2 for the HTML report without linking it (it pulls ICU into every process): opened on first use.
        .systemLibrary(name: "CLibXML2Loader"),
        .target(
            name: "EvalCrew",
            dependencies: ["CCmarkGFM", "CCurl", "CLibXML2Loader", "CSQLite", "Yams"]
        ),
        .executableTarget(
            name: "evalcrew",
            dependencies: ["EvalCrew", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The run store's benchmark (`make bench`): write speed, bytes per case result, `runs list` speed.
        .executableTarget(name: "evalcrew-store-bench", dependencies: ["EvalCrew"]),
        // `evalcrew compare` on two runs of 1,000 cases × 3 repeats (`make bench`).
        .executableTarget(name: "evalcrew-compare-bench", dependencies: ["EvalCrew"]),
        // The HTML, JUnit and Markdown reports of 200 cases of 2,500-word posts (`make bench`).
        .executableTarget(name: "evalcrew-report-bench", dependencies: ["EvalCrew"]),
        // CSQLite: the store tests hold a second raw connection (a lock, a newer schema version);
        // CLibXML2 (linked): the report tests parse the HTML back with libxml2's parser.
        .testTarget(name: "EvalCrewTests", dependencies: ["EvalCrew", "CSQLite", "CLibXML2"]),
        .testTarget(name: "EndToEndTests", dependencies: ["EvalCrew"]),
        // libcurl, libsqlite3 and libxml2 arrive in the library with the crew runner, the run store and
        // the HTML report; until then this target keeps their shims compiling and linking.
        .testTarget(name: "SystemLibraryTests", dependencies: ["CCurl", "CSQLite", "CLibXML2"]),
    ],
    swiftLanguageModes: [.v6]
)
