import Foundation
import OpenAPIRuntime

extension OpenAPIValueContainer {
    /// The container holding `json`.
    init(json: JSONValue) throws {
        self = try JSONDecoder().decode(OpenAPIValueContainer.self, from: json.jsonData())
    }

    /// This container as a `JSONValue`.
    var json: JSONValue {
        get throws { try JSONValue.parse(JSONEncoder().encode(self)) }
    }
}
