import Foundation
import OpenAPIRuntime

extension OpenAPIValueContainer {
    /// A field the contract always sends: the string, or JSON `null` until it is set.
    init(nullable text: String?) throws {
        try self.init(unvalidatedValue: text)
    }

    /// A date field the contract always sends: RFC 3339, or JSON `null` until it is set.
    init(nullable date: Date?) throws {
        try self.init(unvalidatedValue: date.map(Timestamp.format))
    }
}
