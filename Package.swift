// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Bulletin",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "bulletin", targets: ["bulletin"]),
        .library(name: "BulletinKit", targets: ["BulletinKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        // The document tree: values only; no package dependencies. Its SHA-256 uses the processor's
        // SHA instructions through a small C target when they exist.
        .target(name: "CSHA256"),
        .target(name: "BulletinModel", dependencies: ["CSHA256"]),
        // Language analysis (sentences, summaries, named entities) over plain strings.
        .target(name: "BulletinNLP"),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // libdeflate, the whole-buffer DEFLATE compressor, for the EPUB writer's ZIP containers.
        .systemLibrary(name: "CLibDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        .target(name: "BulletinReaders", dependencies: ["BulletinModel"]),
        .target(name: "BulletinTransforms", dependencies: ["BulletinModel", "BulletinNLP"]),
        .target(
            name: "BulletinWriters",
            dependencies: [
                "BulletinModel", "CLibDeflate",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(
            name: "BulletinKit",
            dependencies: [
                "BulletinModel", "BulletinNLP", "BulletinReaders", "BulletinTransforms", "BulletinWriters",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "bulletin",
            dependencies: [
                "BulletinKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "BulletinTestSupport", dependencies: ["BulletinKit", "CLibXML2"], path: "Tests/BulletinTestSupport"),
        .testTarget(name: "BulletinModelTests", dependencies: ["BulletinModel", "BulletinTestSupport"]),
        .testTarget(name: "BulletinReadersTests", dependencies: ["BulletinReaders", "BulletinTestSupport"]),
        .testTarget(name: "BulletinTransformsTests", dependencies: ["BulletinTransforms", "BulletinNLP", "BulletinReaders", "BulletinTestSupport"]),
        .testTarget(name: "BulletinNLPTests", dependencies: ["BulletinNLP", "BulletinTestSupport"]),
        // ZIPFoundation reads the EPUB containers back in tests: a ZIP reader that is not our writer.
        .testTarget(
            name: "BulletinWritersTests",
            dependencies: ["BulletinWriters", "BulletinKit", "BulletinTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(name: "BulletinKitTests", dependencies: ["BulletinKit", "BulletinNLP", "BulletinTransforms", "BulletinTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
