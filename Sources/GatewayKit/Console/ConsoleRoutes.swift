import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The console's pages and files (DESIGN §11): plain routes beside the generated ones, no token needed.
///
/// `GET /` → 302 `/ui/`; `GET /ui/` and any `/ui/<path>` whose last segment has no dot → `index.html`
/// (client-side routes such as `/ui/runs/RUNID`); `/ui/<file>` → that file, 404 when missing.
enum ConsoleRoutes {
    /// Headers on every console file.
    static let securityHeaders: [(HTTPField.Name, String)] = [
        (.contentSecurityPolicy, "default-src 'self'; frame-ancestors 'none'"),
        (HTTPField.Name("X-Content-Type-Options")!, "nosniff"),
        (HTTPField.Name("Referrer-Policy")!, "no-referrer"),
        (.cacheControl, "no-cache"),
    ]

    static func register<Context: RequestContext>(on router: Router<Context>, assets: ConsoleAssets) {
        router.get("/") { _, _ in redirect(to: "/ui/") }
        router.get("/ui") { request, _ in try serve(request, assets: assets) }
        router.get("/ui/**") { request, _ in try serve(request, assets: assets) }
    }

    static func redirect(to location: String) -> Response {
        Response(status: .found, headers: [.location: location, .cacheControl: "no-cache"])
    }

    static func serve(_ request: Request, assets: ConsoleAssets) throws -> Response {
        let rawPath = request.uri.path
        guard rawPath.hasPrefix("/ui/") else { return redirect(to: "/ui/") }
        let path = String(rawPath.dropFirst(4)).removingPercentEncoding ?? ""
        let last = path.split(separator: "/").last ?? ""
        let file = last.contains(".") ? path : "index.html"
        guard let asset = assets.asset(file) else {
            throw GatewayError.notFound("console file '\(path)'")
        }
        var headers = HTTPFields()
        for (name, value) in securityHeaders { headers[name] = value }
        headers[.eTag] = asset.etag
        if matches(request.headers[.ifNoneMatch], etag: asset.etag) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = asset.contentType
        headers[.contentLength] = String(asset.bytes.count)
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: asset.bytes)))
    }

    /// True when an `If-None-Match` value names `etag` (weak or strong) or is `*`.
    static func matches(_ ifNoneMatch: String?, etag: String) -> Bool {
        guard let ifNoneMatch else { return false }
        return ifNoneMatch.split(separator: ",").contains { candidate in
            var tag = candidate.trimmingCharacters(in: .whitespaces)
            if tag.hasPrefix("W/") { tag.removeFirst(2) }
            return tag == "*" || tag == etag
        }
    }
}
