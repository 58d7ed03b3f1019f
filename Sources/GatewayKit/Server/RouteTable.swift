import Yams

/// The route templates of the OpenAPI document, to tell 405 (known path, other method) from 404.
struct RouteTable: Sendable {
    struct Route: Sendable {
        let segments: [String]
        let methods: Set<String>
    }

    let routes: [Route]

    init(document: String) {
        var routes: [Route] = []
        if let root = try? Yams.load(yaml: document) as? [String: Any], let paths = root["paths"] as? [String: Any] {
            for (path, item) in paths {
                let methods = (item as? [String: Any])?.keys.filter { ["get", "post", "put", "delete", "patch"].contains($0) } ?? []
                routes.append(Route(segments: Self.split(path), methods: Set(methods.map { $0.uppercased() })))
            }
        }
        self.routes = routes
    }

    /// The methods allowed on `path`, or nil when no route has that path.
    func methods(for path: String) -> Set<String>? {
        let parts = Self.split(path)
        for route in routes where route.segments.count == parts.count {
            let matches = zip(route.segments, parts).allSatisfy { template, part in
                template.hasPrefix("{") || template == part
            }
            if matches { return route.methods }
        }
        return nil
    }

    private static func split(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }
}
