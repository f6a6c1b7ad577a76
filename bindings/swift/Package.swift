// swift-tools-version:5.9
// The Swift package of kabinet, assembled by `scripts/swift-package` into
// target/swift/Kabinet: the generated bindings (Sources/Kabinet: the
// binding's and the library's values), the C headers and module maps of the
// native library (Sources/KabinetFFI, Sources/KabinetCoreFFI), and the
// library itself (lib/libkabinet_uniffi.so on Linux, .dylib on macOS).
// A project depends on it with `.package(path: "…/target/swift/Kabinet")`.
import PackageDescription

let package = Package(
    name: "Kabinet",
    products: [
        .library(name: "Kabinet", targets: ["Kabinet"]),
    ],
    targets: [
        .target(
            name: "KabinetFFI",
            path: "Sources/KabinetFFI",
            publicHeadersPath: "include",
            linkerSettings: [
                .linkedLibrary("kabinet_uniffi"),
                .unsafeFlags(["-L", "lib", "-Xlinker", "-rpath", "-Xlinker", "lib"]),
            ]
        ),
        .target(
            name: "KabinetCoreFFI",
            path: "Sources/KabinetCoreFFI",
            publicHeadersPath: "include"
        ),
        .target(
            name: "Kabinet",
            dependencies: ["KabinetFFI", "KabinetCoreFFI"],
            path: "Sources/Kabinet"
        ),
    ]
)
