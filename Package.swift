// swift-tools-version:6.0
import PackageDescription

// The kernels are written for AVX2 + FMA: without a target CPU a release build
// calls `fmaf` per SIMD lane and runs about 100x slower (see docs/ARCHITECTURE.md).
#if arch(x86_64)
let fastMath: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "haswell"])]
#else
let fastMath: [SwiftSetting] = []
#endif

let package = Package(
    name: "InceptionExplorer",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "inception-explorer", targets: ["inception-explorer"]),
        .library(name: "InceptionCore", targets: ["InceptionCore"]),
        .library(name: "InceptionUI", targets: ["InceptionUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .systemLibrary(name: "CPNG", path: "Sources/CPNG"),
        .target(name: "CPlatform"),
        .systemLibrary(name: "CJPEG", path: "Sources/CJPEG"),
        .target(
            name: "InceptionCore",
            dependencies: ["CPNG", "CJPEG", "CPlatform"],
            swiftSettings: fastMath
        ),
        .target(
            name: "InceptionUI",
            dependencies: ["InceptionCore", "CNcursesw", "CPlatform"]
        ),
        .executableTarget(
            name: "inception-explorer",
            dependencies: [
                "InceptionCore",
                "InceptionUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestScratch", path: "Tests/TestScratch"),
        .testTarget(
            name: "InceptionCoreTests",
            dependencies: ["InceptionCore", "TestScratch"],
            resources: [.copy("Fixtures")],
            swiftSettings: fastMath
        ),
        .testTarget(
            name: "InceptionUITests",
            dependencies: ["InceptionUI", "InceptionCore", "TestScratch"],
            exclude: ["Snapshots"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
