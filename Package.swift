// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Seimei",
  products: [
    .executable(name: "seimei", targets: ["seimei"]),
    .library(name: "SeimeiKit", targets: ["SeimeiKit"]),
    .library(name: "SeimeiShell", targets: ["SeimeiShell"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    // Analysis: statements, text, claims, comparison, citation. No terminal I/O.
    .target(name: "SeimeiKit", dependencies: ["CICUShim", "CLibXML2", "SeimeiData"]),
    // Data files (cue lexicon, gazetteer) compiled into the binary with C23 #embed.
    .target(name: "SeimeiData", exclude: ["data"]),
    // ICU break iterators (sentences, words) through a C shim: ICU's symbols carry a version
    // suffix (ubrk_open_72) that only its C headers resolve.
    .systemLibrary(
      name: "CICU",
      pkgConfig: "icu-i18n",
      providers: [.apt(["libicu-dev"]), .brew(["icu4c"])]
    ),
    .target(name: "CICUShim", dependencies: ["CICU"]),
    // libxml2's HTML parser, for saved web pages.
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
    ),
    // The shell: commands, tokenising, parsing, rendering, scripts. Testable without a terminal.
    .target(
      name: "SeimeiShell",
      dependencies: [
        "SeimeiKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // libedit, and the non-variadic C wrappers Swift needs to call it.
    .systemLibrary(
      name: "CEditLine",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
    ),
    .target(name: "CEditLineShim", dependencies: ["CEditLine"]),
    .target(name: "LineEditor", dependencies: ["CEditLineShim", "SeimeiShell"]),
    // The thin executable: process flags and wiring.
    .executableTarget(
      name: "seimei",
      dependencies: [
        "SeimeiShell", "LineEditor",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "SeimeiKitTests", dependencies: ["SeimeiKit"]),
    .testTarget(name: "SeimeiShellTests", dependencies: ["SeimeiShell"]),
    .testTarget(name: "EndToEndTests", dependencies: ["seimei"]),
  ],
  swiftLanguageModes: [.v6]
)
