import Hummingbird

let port = Int(CommandLine.arguments.dropFirst().first ?? "7081") ?? 7081
let router = Router()
router.get("/hello") { _, _ in "{\"hello\":\"world\"}" }
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
try await app.runService()
