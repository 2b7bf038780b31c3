// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "KneeCoach",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kneecoach", targets: ["kneecoach"]),
        .library(name: "KneeCoachCore", targets: ["KneeCoachCore"]),
        .library(name: "ActivityFiles", targets: ["ActivityFiles"]),
        .executable(name: "status-bench", targets: ["status-bench"]),
        .executable(name: "kneecoach-server", targets: ["kneecoach-server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // Pure domain: exercise library, evidence table, (later) planning and monitoring.
        .target(
            name: "KneeCoachCore",
            resources: [.process("Library/Resources")]
        ),
        // Watch files: FIT, GPX, TCX and their containers. Depends on nothing of ours; zips
        // are read by its own checked reader, inflated by zlib (compress-nio's CCompressZlib).
        .target(
            name: "ActivityFiles",
            dependencies: [
                .product(name: "CompressNIO", package: "compress-nio"),
            ]
        ),
        // The journal's database: one store on SQLite (default) or PostgreSQL, via sql-kit.
        .target(
            name: "KneeCoachStore",
            dependencies: [
                "KneeCoachCore",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
            ]
        ),
        // The use cases that join Core, the files and the store: the only caller of all three.
        .target(
            name: "KneeCoachApp",
            dependencies: [
                "KneeCoachCore", "ActivityFiles", "KneeCoachStore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ]
        ),
        // The HTTP server: JSON API, accounts, sessions and tokens over the same use cases.
        .target(
            name: "KneeCoachServer",
            dependencies: [
                "KneeCoachCore", "KneeCoachApp", "KneeCoachStore", "ActivityFiles",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Resources")]
        ),
        // `kneecoach serve` runs this executable (kept apart so the CLI starts without the
        // server's libraries).
        .executableTarget(
            name: "kneecoach-server",
            dependencies: [
                "KneeCoachServer",
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The command-line executable.
        .executableTarget(
            name: "kneecoach",
            dependencies: [
                "KneeCoachCore",
                "KneeCoachApp",
                "KneeCoachStore",
                "ActivityFiles",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Release benchmark of the plan generator (see BENCHMARKS.md).
        .executableTarget(
            name: "plan-bench",
            dependencies: ["KneeCoachCore"],
            path: "Benchmarks/PlanBench"
        ),
        // Release benchmark of Monitor.status on 10 years of daily runs (see BENCHMARKS.md, "Status").
        .executableTarget(
            name: "status-bench",
            dependencies: ["KneeCoachCore", "KneeCoachStore", "KneeCoachApp"],
            path: "Benchmarks/StatusBench"
        ),
        // Release benchmark of the coach's dashboard for many runners (see BENCHMARKS.md, "Coaches").
        .executableTarget(
            name: "coach-bench",
            dependencies: ["KneeCoachCore", "KneeCoachStore", "KneeCoachApp"],
            path: "Benchmarks/CoachBench"
        ),
        // Release benchmark of the activity-file decoders (see BENCHMARKS.md, "Activity files").
        .executableTarget(
            name: "activity-bench",
            dependencies: ["ActivityFiles"],
            path: "Benchmarks/ActivityBench"
        ),
        // Shifts the timestamps of GPX/TCX files: distinct copies for import-bench and the CLI tests.
        .target(name: "ActivityTimeShift", path: "Benchmarks/ActivityTimeShift"),
        // Release benchmark of `kneecoach import`: 1,000 files into SQLite (see BENCHMARKS.md, "Import").
        .executableTarget(
            name: "import-bench",
            dependencies: ["KneeCoachApp", "KneeCoachStore", "ActivityFiles", "ActivityTimeShift"],
            path: "Benchmarks/ImportBench"
        ),
        // libFuzzer entry points for the FIT, GPX and TCX decoders (see BENCHMARKS.md). A plain
        // build gives a stub; `-Xswiftc -DFUZZING -Xswiftc -sanitize=fuzzer,address` the fuzzer.
        .executableTarget(
            name: "activity-fuzz",
            dependencies: ["ActivityFiles"],
            path: "Fuzz/ActivityFuzz",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        // libFuzzer entry point for the zip reader (see BENCHMARKS.md); built like activity-fuzz.
        .executableTarget(
            name: "zip-fuzz",
            dependencies: ["ActivityFiles"],
            path: "Fuzz/ZipFuzz",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        .testTarget(
            name: "KneeCoachCoreTests",
            dependencies: [
                "KneeCoachCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        // CompressNIO inflates the PNG screenshots of the report's browser test.
        .testTarget(
            name: "KneeCoachAppTests",
            dependencies: ["KneeCoachApp", .product(name: "CompressNIO", package: "compress-nio")]
        ),
        .testTarget(name: "KneeCoachStoreTests", dependencies: ["KneeCoachStore"]),
        .testTarget(
            name: "KneeCoachServerTests",
            dependencies: [
                "KneeCoachServer", "KneeCoachApp", "KneeCoachStore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ]
        ),
        // ZIPFoundation writes the well-formed zips the container tests then damage.
        .testTarget(
            name: "ActivityFilesTests",
            dependencies: ["ActivityFiles", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // CompressNIO deflates the zips of the import memory and damage tests; kneecoach-server is
        // what 'kneecoach serve' runs.
        .testTarget(
            name: "kneecoachTests",
            dependencies: [
                "kneecoach", "kneecoach-server", "ActivityTimeShift", .product(name: "CompressNIO", package: "compress-nio"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
