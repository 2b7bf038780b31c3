// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "KneeCoach",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kneecoach", targets: ["kneecoach"]),
        .library(name: "KneeCoachCore", targets: ["KneeCoachCore"]),
        .library(name: "ActivityFiles", targets: ["ActivityFiles"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
    ],
    targets: [
        // Pure domain: exercise library, evidence table, (later) planning and monitoring.
        .target(
            name: "KneeCoachCore",
            resources: [.process("Library/Resources")]
        ),
        // Watch files: FIT, GPX, TCX and their containers. Depends on nothing of ours.
        .target(
            name: "ActivityFiles",
            dependencies: [
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ]
        ),
        // The command-line executable.
        .executableTarget(
            name: "kneecoach",
            dependencies: [
                "KneeCoachCore",
                "ActivityFiles",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "KneeCoachCoreTests", dependencies: ["KneeCoachCore"]),
        .testTarget(name: "ActivityFilesTests", dependencies: ["ActivityFiles"]),
        .testTarget(name: "kneecoachTests", dependencies: ["kneecoach"]),
    ],
    swiftLanguageModes: [.v6]
)
