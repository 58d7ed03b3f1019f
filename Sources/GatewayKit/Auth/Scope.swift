/// What a token may do. Scopes are cumulative: `operate` includes `read`; `admin` includes both.
public enum Scope: String, Sendable, Hashable, CaseIterable, Comparable {
    case read, operate, admin

    private var rank: Int {
        switch self {
        case .read: 0
        case .operate: 1
        case .admin: 2
        }
    }

    public static func < (a: Scope, b: Scope) -> Bool { a.rank < b.rank }
}

/// Who is calling: the token's name (the actor in events and the audit log) and its highest scope.
public struct Identity: Sendable, Hashable {
    public var name: String
    public var scope: Scope
    public init(name: String, scope: Scope) {
        self.name = name
        self.scope = scope
    }

    /// True when this identity's scope covers `needed`.
    public func allows(_ needed: Scope) -> Bool { scope >= needed }
}
