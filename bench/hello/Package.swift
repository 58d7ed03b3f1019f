// swift-tools-version:6.2
// A bare Hummingbird "hello" server: the peer gw's own HTTP overhead is compared with (bench/gateway.sh).
import PackageDescription

let package = Package(
    name: "hello",
    platforms: [.macOS(.v14)],
    dependencies: [.package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1")],
    targets: [.executableTarget(name: "hello", dependencies: [.product(name: "Hummingbird", package: "hummingbird")])]
)
